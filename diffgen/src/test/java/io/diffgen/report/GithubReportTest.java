package io.diffgen.report;

import io.diffgen.lint.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Workflow commands escape what the runner would read as their own syntax. */
class GithubReportTest {
    @Test
    void percentLineBreaksColonsAndCommasAreEscaped() {
        Finding f = Finding.of(new Diagnostic(Diagnostic.Code.DG002, "drops 50% of\nthe rows"), "a,b:c",
                Optional.of("migrations/versions/x,y.sql"), OptionalInt.of(7));
        assertEquals("::warning file=migrations/versions/x%2Cy.sql,line=7,title=diffgen DG002 drop-column (a%2Cb%3Ac)::drops 50%25 of%0Athe rows\n"
                        + "::notice title=diffgen revision::done: 1%25\n",
                GithubReport.render(new Report("revision", true, "done: 1%", List.of(f))));
    }
}

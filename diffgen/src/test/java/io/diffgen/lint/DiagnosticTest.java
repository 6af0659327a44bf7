package io.diffgen.lint;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A warning's line in a revision header reads back as the warning it was written from. */
class DiagnosticTest {
    @Test
    void everyCodesLineReadsBack() {
        for (Diagnostic.Code code : Diagnostic.Code.values()) {
            Diagnostic d = new Diagnostic(code, "drops column t.c [with brackets] and: colons", "t");
            assertEquals(Optional.of(d), Diagnostic.fromLine(d.line(), "t"));
        }
        assertEquals(Optional.empty(), Diagnostic.fromLine("WARNING DG999: from a later version [new-rule, review]", "t"));
        assertEquals(Optional.empty(), Diagnostic.fromLine("Changes:", "t"));
    }
}

package io.diffgen.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A statement's progress is redrawn on one line on a terminal, and written line by line elsewhere. */
class ProgressLinesTest {
    private static String told(boolean terminal) {
        StringWriter out = new StringWriter();
        ProgressLines lines = new ProgressLines(new PrintWriter(out), terminal);
        lines.accept("[1/2] Running upgrade  -> r1, one");
        lines.accept("  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 40% (4 of 10 blocks), 5 s");
        lines.accept("  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 90% (9 of 10 blocks), 10 s");
        lines.accept("[2/2] Running upgrade r1 -> r2, two");
        lines.finish();
        return out.toString().replace("\033[K", "<clear>");
    }

    @Test
    void onATerminalTheStatementsProgressIsRedrawnInPlace() {
        assertEquals("[1/2] Running upgrade  -> r1, one\n"
                + "\r<clear>  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 40% (4 of 10 blocks), 5 s"
                + "\r<clear>  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 90% (9 of 10 blocks), 10 s\n"
                + "[2/2] Running upgrade r1 -> r2, two\n", told(true));
    }

    @Test
    void elsewhereEachIsALineOfItsOwn() {
        assertEquals("[1/2] Running upgrade  -> r1, one\n"
                + "  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 40% (4 of 10 blocks), 5 s\n"
                + "  CREATE INDEX CONCURRENTLY ix ON t (v): building index: scanning table, 90% (9 of 10 blocks), 10 s\n"
                + "[2/2] Running upgrade r1 -> r2, two\n", told(false));
    }
}

package io.diffgen.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where the lines a run tells go: on a terminal, a long statement's progress lines (indented) are
 * redrawn in place on one line; elsewhere (a CI log, a file) each is a line of its own.
 */
final class ProgressLines implements Consumer<String> {
    private final PrintWriter err;
    private final boolean terminal;
    private boolean redrawing;

    ProgressLines(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Whether stderr is a terminal: Java 17 has no Console without one; Java 22 and later say so with isTerminal(). */
    static boolean stderrIsATerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void accept(String line) {
        if (terminal && line.startsWith("  ")) {
            err.print("\r\033[K" + line);
            redrawing = true;
        } else {
            finish();
            err.println(line);
        }
        err.flush();
    }

    /** Ends a line being redrawn, so what follows starts on a line of its own. */
    synchronized void finish() {
        if (redrawing) err.println();
        redrawing = false;
        err.flush();
    }
}

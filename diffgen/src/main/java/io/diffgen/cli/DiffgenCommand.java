package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import io.diffgen.revision.MigrationsDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** What every command has: the options of {@link Main} and its own output streams. */
abstract class DiffgenCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    CommonOptions common() {
        return parent.common;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A line for the user while the command works, shown at once. */
    void tell(String line) {
        err().println(line);
        err().flush();
    }

    MigrationsDirectory migrations() {
        return parent.common.migrationsDirectory();
    }

    /** {@code report} on stdout in {@code format}, a machine format. */
    void print(Report report, Format format) {
        String version = Main.class.getPackage().getImplementationVersion();
        out().print(format.render(report, version == null ? "development build" : version));
        out().flush();
    }

    /**
     * {@code body}; in a machine format, a failure it did not report itself is also written as a report
     * with one ERROR finding, before it ends the command as usual (one line on stderr, its exit code).
     */
    Integer reporting(Format format, String command, java.util.concurrent.Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (Reported e) {
            throw e.failure;
        } catch (DiffgenException e) {
            if (format != Format.TEXT) {
                print(new Report(command, false, e.getMessage(), java.util.List.of(Finding.of(Finding.Kind.ERROR, command,
                        Finding.Severity.ERROR, e.getMessage()))), format);
            }
            throw e;
        }
    }

    /** A failure whose report is written already. */
    static final class Reported extends RuntimeException {
        final DiffgenException failure;

        Reported(DiffgenException failure) {
            super(failure);
            this.failure = failure;
        }
    }

    /** A revision file as a CI annotation names it: relative to the working folder, the repository's root, where it lies in it. */
    static String shown(java.nio.file.Path file) {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(here) ? here.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /** The 1-based number of the first line of {@code file} that {@code matches}; empty if none does or the file cannot be read. */
    static java.util.OptionalInt lineOf(java.nio.file.Path file, java.util.function.Predicate<String> matches) {
        try {
            java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (matches.test(lines.get(i))) return java.util.OptionalInt.of(i + 1);
            }
        } catch (java.io.IOException e) {
            // no line, then
        }
        return java.util.OptionalInt.empty();
    }
}

package io.diffgen.cli;

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
}

package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(name = "stamp", description = "Record the database as being at TARGET (head, heads, a revision, base) without running anything.")
final class StampCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "TARGET")
    String target;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        try (Connection c = parent.common.connect()) {
            new RevisionRunner(c, migrations, migrations.graph()).stamp(target);
        }
        spec.commandLine().getErr().println("Stamped " + target);
        return 0;
    }
}

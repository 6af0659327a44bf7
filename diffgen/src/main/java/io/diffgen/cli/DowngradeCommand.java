package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "downgrade", description = "Roll back revisions down to TARGET: -N, a revision, or base.")
final class DowngradeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "TARGET", description = "-N, a revision, or base (required).")
    String target;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = common.migrationsDirectory();
        RevisionGraph graph = migrations.graph();
        try (Connection c = common.requireUrl("downgrade").connect()) {
            var err = spec.commandLine().getErr();
            List<String> undone = new RevisionRunner(c, migrations, graph).downgrade(target, step -> err.println(
                    "Running downgrade " + step.revision() + " -> " + String.join(", ", graph.get(step.revision()).parents())
                            + ", " + step.message()));
            if (undone.isEmpty()) {
                err.println("Already at " + target + ": nothing to downgrade");
            }
        }
        return 0;
    }
}

package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.runner.SqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "downgrade", description = "Roll back revisions down to TARGET: -N, REV-N, a revision, or base.")
final class DowngradeCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "TARGET", description = "-N, a revision, or base (required). With --sql: FROM:TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it; the range FROM:TO is required.")
    boolean sql;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        RevisionGraph graph = migrations.graph();
        if (sql) {
            spec.commandLine().getOut().print(new SqlScript(migrations, graph, parent.common.overrides(spec)).downgrade(target));
            return 0;
        }
        try (Connection c = parent.common.connect()) {
            var err = spec.commandLine().getErr();
            List<String> undone = parent.common.runner(c, migrations, graph, spec).downgrade(target,
                    step -> err.println(graph.get(step.revision()).running(false)));
            if (undone.isEmpty()) {
                err.println("Already at " + target + ": nothing to downgrade");
            }
        }
        return 0;
    }
}

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

@Command(name = "upgrade", description = "Apply revisions up to TARGET: head (default), heads, +N, REV+N or a revision.")
final class UpgradeCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET", description = "With --sql: [FROM:]TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL (with the DATABASECHANGELOG bookkeeping) instead of running it; needs no database.")
    boolean sql;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        RevisionGraph graph = migrations.graph();
        if (sql) {
            spec.commandLine().getOut().print(new SqlScript(migrations, graph, parent.common.overrides(spec)).upgrade(target));
            return 0;
        }
        try (Connection c = parent.common.connect()) {
            var err = spec.commandLine().getErr();
            List<String> applied = parent.common.runner(c, migrations, graph, spec).upgrade(target,
                    step -> err.println(graph.get(step.revision()).running(true)));
            if (applied.isEmpty()) {
                err.println("Already at " + target + ": nothing to upgrade");
            }
        }
        return 0;
    }
}

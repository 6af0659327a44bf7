package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(name = "current", description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        RevisionGraph graph = migrations.graph();
        try (Connection c = parent.common.connect()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, graph);
            java.util.Set<String> partial = runner.partiallyApplied();
            for (String id : runner.current()) {
                Revision r = graph.get(id);
                spec.commandLine().getOut().println(parent.common.verbose
                        ? ShowCommand.describe(graph, r)
                        : id + (graph.heads().contains(id) ? " (head)" : "")
                        + (partial.contains(id) ? " (partially applied: a non-transactional changeset did not run; upgrade finishes it)" : ""));
            }
        }
        return 0;
    }
}

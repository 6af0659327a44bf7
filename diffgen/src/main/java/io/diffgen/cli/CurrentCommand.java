package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "current", description = "Show the revision(s) the database is at; nothing at base.")
final class CurrentCommand extends DiffgenCommand {
    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        try (Connection c = common().connect()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, graph);
            java.util.Set<String> partial = runner.partiallyApplied();
            java.util.List<String> contracts = graph.contractsReady(runner.applied());
            for (String id : runner.current()) {
                java.util.List<String> pending = contracts.stream().filter(k -> graph.get(k).parents().contains(id)).toList();
                Revision r = graph.get(id);
                out().println(common().verbose
                        ? ShowCommand.describe(graph, r)
                        : id + (graph.heads().contains(id) ? " (head)" : "")
                        + (partial.contains(id) ? RevisionRunner.partiallyApplied(r) : "")
                        + (pending.isEmpty() ? "" : " (expanded: contract " + String.join(", ", pending)
                                + " pending; 'diffgen contract' once every instance runs the new version)"));
            }
        }
        return 0;
    }
}

package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.ChangeSetParser;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "validate", description = "Check the revisions: every file parses, the graph is sound, and (unless --offline) "
        + "every revision the database applied exists and is unedited. Changes nothing.")
final class ValidateCommand extends DiffgenCommand {
    @Option(names = "--offline", description = "Check only the files and the graph; connect to no database.")
    boolean offline;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        int changeSets = ChangeSetParser.parseAll(migrations, graph);
        String files = graph.size() + " revision(s), " + changeSets + " changeset(s), " + graph.heads().size() + " head(s)";
        if (offline) {
            out().println("Validated " + files + " (files and graph only)");
            return 0;
        }
        var url = common().targetUrl();
        try (Connection c = url.connect()) {
            RevisionRunner.Validation v = new RevisionRunner(c, migrations, graph).validate();
            out().println("Validated " + files + " against " + url + ": " + v.applied().size() + " applied, "
                    + v.partial().size() + " partially applied, " + v.pending().size() + " pending");
        }
        return 0;
    }
}

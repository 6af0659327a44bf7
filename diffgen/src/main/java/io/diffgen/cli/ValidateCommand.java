package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.ChangeSetParser;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.lint.Diagnostic;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "validate", description = "Check the revisions: every file parses, the graph is sound, and (unless --offline) "
        + "every revision the database applied exists and is unedited. Changes nothing.")
final class ValidateCommand extends DiffgenCommand {
    @Option(names = "--offline", description = "Check only the files and the graph; connect to no database.")
    boolean offline;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Format f = format.format();
        return reporting(f, "validate", () -> validate(f));
    }

    private void say(String summary, Format f, java.util.List<Finding> findings) {
        if (f == Format.TEXT) out().println(summary);
        else print(new Report("validate", true, summary, findings), f);
    }

    /**
     * The warnings the headers of the revisions the database has not applied state, each on its line:
     * in CI against the database a pull request will be deployed to, the warnings of that pull request's revisions.
     */
    private static java.util.List<Finding> pendingWarnings(RevisionGraph graph, java.util.List<String> pending) {
        java.util.List<Finding> findings = new java.util.ArrayList<>();
        for (String id : pending) {
            java.util.Optional<java.nio.file.Path> file = graph.get(id).path();
            if (file.isEmpty()) continue;
            try {
                java.util.List<String> lines = java.nio.file.Files.readAllLines(file.get());
                for (int i = 0; i < lines.size() && !lines.get(i).startsWith("--changeset"); i++) {
                    int line = i + 1;
                    String text = lines.get(i);
                    if (text.startsWith("--   ")) Diagnostic.fromLine(text.substring(5), id).ifPresent(d -> findings.add(
                            Finding.of(d, id, java.util.Optional.of(shown(file.get())), java.util.OptionalInt.of(line))));
                }
            } catch (java.io.IOException e) {
                // a file that cannot be read: the parse above has said what matters
            }
        }
        return findings;
    }

    private Integer validate(Format f) throws SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        int changeSets = ChangeSetParser.parseAll(migrations, graph);
        String files = graph.size() + " revision(s), " + changeSets + " changeset(s), " + graph.heads().size() + " head(s)";
        if (offline) {
            say("Validated " + files + " (files and graph only)", f, java.util.List.of());
            return 0;
        }
        var url = common().targetUrl();
        try (Connection c = url.connect()) {
            RevisionRunner.Validation v = new RevisionRunner(c, migrations, graph).validate();
            say("Validated " + files + " against " + url + ": " + v.applied().size() + " applied, "
                    + v.partial().size() + " partially applied, " + v.pending().size() + " pending", f,
                    f == Format.TEXT ? java.util.List.of() : pendingWarnings(graph, v.pending()));
        }
        return 0;
    }
}

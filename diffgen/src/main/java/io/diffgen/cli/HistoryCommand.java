package io.diffgen.cli;

import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand extends DiffgenCommand {
    @Option(names = {"-r", "--rev-range"}, paramLabel = "[FROM]:[TO]", description = "Only revisions from FROM (exclusive) to TO (inclusive).")
    String range;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the revision(s) the database is at with (current).")
    boolean indicateCurrent;

    @Override
    public Integer call() throws SQLException {
        RevisionGraph graph = migrations().graph();
        List<Revision> revisions = new ArrayList<>(range == null ? graph.topological() : graph.between(RevisionGraph.Range.ofHistory(range)));
        java.util.Collections.reverse(revisions);
        List<String> current = List.of();
        List<String> contractsPending = List.of();
        if (indicateCurrent) {
            try (Connection c = common().connect()) {
                RevisionRunner runner = new RevisionRunner(c, migrations(), graph);
                current = runner.current();
                contractsPending = graph.contractsReady(runner.applied());
            }
        }
        for (Revision r : revisions) {
            List<String> marks = new ArrayList<>();
            if (current.contains(r.id())) marks.add("current");
            if (contractsPending.contains(r.id())) marks.add("contract pending");
            out().println(common().verbose ? ShowCommand.describe(graph, r, marks) : line(graph, r, marks));
        }
        return 0;
    }

    /** Alembic's history line, with the marks only the database can tell (such as {@code current}) after {@code head}. */
    static String line(RevisionGraph graph, Revision r, List<String> databaseMarks) {
        String parents = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
        List<String> marks = new ArrayList<>();
        if (graph.heads().contains(r.id())) marks.add("head");
        marks.addAll(databaseMarks);
        if (r.isMerge()) marks.add("mergepoint");
        if (graph.children(r.id()).size() > 1) marks.add("branchpoint");
        return parents + " -> " + r.id() + (marks.isEmpty() ? "" : " (" + String.join(") (", marks) + ")") + ", " + r.message();
    }
}

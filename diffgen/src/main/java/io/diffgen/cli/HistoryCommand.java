package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand extends DiffgenCommand {
    @Option(names = {"-r", "--rev-range"}, paramLabel = "[FROM]:[TO]", description = "Only revisions from FROM (exclusive) to TO (inclusive).")
    String range;

    @Option(names = {"-i", "--indicate-current"}, description = "Mark the revision(s) the database is at with (current).")
    boolean indicateCurrent;

    @Override
    public Integer call() throws SQLException {
        RevisionGraph graph = migrations().graph();
        List<Revision> revisions = new ArrayList<>(graph.topological());
        if (range != null) {
            revisions = inRange(graph, revisions);
        }
        java.util.Collections.reverse(revisions);
        List<String> current = List.of();
        if (indicateCurrent) {
            try (Connection c = common().connect()) {
                current = new RevisionRunner(c, migrations(), graph).current();
            }
        }
        for (Revision r : revisions) {
            String line = line(graph, r, current.contains(r.id()));
            out().println(common().verbose ? ShowCommand.describe(graph, r) : line);
        }
        return 0;
    }

    private List<Revision> inRange(RevisionGraph graph, List<Revision> all) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad range '" + range + "': expected [FROM]:[TO]");
        }
        String from = range.substring(0, colon);
        String to = range.substring(colon + 1);
        Set<String> upTo = to.isEmpty() || to.equals("heads") ? graph.ancestorsInclusive(graph.heads())
                : graph.ancestorsInclusive(List.of(graph.resolve(to, "history -r")));
        Set<String> below = from.isEmpty() || from.equals("base") ? Set.of()
                : graph.ancestorsInclusive(List.of(graph.resolveId(from)));
        return all.stream().filter(r -> upTo.contains(r.id()) && !below.contains(r.id())).toList();
    }

    static String line(RevisionGraph graph, Revision r, boolean current) {
        String parents = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
        List<String> marks = new ArrayList<>();
        if (graph.heads().contains(r.id())) marks.add("head");
        if (current) marks.add("current");
        if (r.isMerge()) marks.add("mergepoint");
        if (graph.children(r.id()).size() > 1) marks.add("branchpoint");
        return parents + " -> " + r.id() + (marks.isEmpty() ? "" : " (" + String.join(") (", marks) + ")") + ", " + r.message();
    }
}

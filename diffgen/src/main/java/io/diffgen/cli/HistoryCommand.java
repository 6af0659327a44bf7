package io.diffgen.cli;

import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RevisionGraph graph = common.migrationsDirectory().graph();
        List<Revision> revisions = new ArrayList<>(graph.topological());
        java.util.Collections.reverse(revisions);
        for (Revision r : revisions) {
            spec.commandLine().getOut().println(line(graph, r));
        }
        return 0;
    }

    static String line(RevisionGraph graph, Revision r) {
        String parents = r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents());
        List<String> marks = new ArrayList<>();
        if (graph.heads().contains(r.id())) marks.add("head");
        if (r.isMerge()) marks.add("mergepoint");
        if (graph.children(r.id()).size() > 1) marks.add("branchpoint");
        return parents + " -> " + r.id() + (marks.isEmpty() ? "" : " (" + String.join(") (", marks) + ")") + ", " + r.message();
    }
}

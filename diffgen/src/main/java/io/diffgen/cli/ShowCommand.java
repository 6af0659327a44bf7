package io.diffgen.cli;

import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;


@Command(name = "show", description = "Show one revision: id, parents, path and message.")
final class ShowCommand extends DiffgenCommand {
    @Parameters(arity = "1", paramLabel = "REV")
    String reference;

    @Option(names = "--erd", description = "Instead, a Mermaid entity-relationship diagram (a ```mermaid block for a pull request "
            + "comment or a markdown file) of the tables the revision adds, changes or drops, marked, and their FK neighbours; "
            + "read from a throwaway PostgreSQL that replays the migrations.")
    boolean erd;

    @Override
    public Integer call() {
        var migrations = migrations();
        RevisionGraph graph = migrations.graph();
        String id = graph.resolve(reference, "'show head'");
        if (erd) {
            out().print(ErdCommand.fenced(io.diffgen.command.Erd.of(migrations, graph, graph.get(id), false)));
            return 0;
        }
        out().println(describe(graph, graph.get(id)));
        return 0;
    }

    /** Alembic's layout: Rev, Parent, Path, then the message. */
    static String describe(RevisionGraph graph, Revision r) {
        return describe(graph, r, List.of());
    }

    /** With the marks only the database can tell, such as {@code current}, after the graph's own. */
    static String describe(RevisionGraph graph, Revision r, List<String> databaseMarks) {
        return "Rev: " + r.id() + (graph.heads().contains(r.id()) ? " (head)" : "")
                + (r.isMerge() ? " (mergepoint)" : "") + (graph.children(r.id()).size() > 1 ? " (branchpoint)" : "")
                + databaseMarks.stream().map(mark -> " (" + mark + ")").collect(java.util.stream.Collectors.joining()) + "\n"
                + "Parent: " + (r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents())) + "\n"
                + "Path: " + r.path().map(p -> p.toAbsolutePath().normalize().toString()).orElse("") + "\n"
                + "Create Date: " + r.createDate() + "\n"
                + "\n    " + r.message() + "\n";
    }
}

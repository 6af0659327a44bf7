package io.diffgen.cli;

import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;


@Command(name = "heads", description = "Show the heads of the revision graph.")
final class HeadsCommand extends DiffgenCommand {
    @Override
    public Integer call() {
        RevisionGraph graph = migrations().graph();
        for (String id : graph.heads()) {
            out().println(id + " (head)");
        }
        return 0;
    }
}

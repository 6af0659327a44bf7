package io.diffgen.cli;

import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "heads", description = "Show the heads of the revision graph.")
final class HeadsCommand implements Callable<Integer> {
    @ParentCommand
    Main parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RevisionGraph graph = parent.common.migrationsDirectory().graph();
        for (String id : graph.heads()) {
            spec.commandLine().getOut().println(id + " (head)");
        }
        return 0;
    }
}

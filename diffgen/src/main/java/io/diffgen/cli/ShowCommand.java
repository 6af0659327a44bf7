package io.diffgen.cli;

import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "show", description = "Show one revision: id, parents, path and message.")
final class ShowCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "REV")
    String reference;

    @Override
    public Integer call() {
        RevisionGraph graph = common.migrationsDirectory().graph();
        String id = reference.equals("head") ? graph.head("'show head'") : graph.resolveId(reference);
        Revision r = graph.get(id);
        var out = spec.commandLine().getOut();
        out.println("Rev: " + r.id() + (graph.heads().contains(r.id()) ? " (head)" : ""));
        out.println("Parent: " + (r.parents().isEmpty() ? "<base>" : String.join(", ", r.parents())));
        out.println("Path: " + r.path().map(p -> p.toAbsolutePath().toString()).orElse(""));
        out.println("Create Date: " + r.createDate());
        out.println();
        out.println("    " + r.message());
        return 0;
    }
}

package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.command.Autogenerate;
import io.diffgen.command.Timing;
import io.diffgen.diff.Change;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


@Command(name = "check", description = "Exit 0 if the entities and the database agree, 1 with the differences if not.")
final class CheckCommand extends DiffgenCommand {
    @Option(names = "--timing", description = "Print where the time went (jvm, model, catalog, canonical, diff) to stderr.")
    boolean timing;

    @Override
    public Integer call() {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        Timing clock = new Timing();
        Autogenerate.Comparison comparison = Autogenerate.compare(common().modelSettings(), migrations, graph, graph.heads(), false, clock);
        if (common().verbose) err().println("Model read by " + comparison.modelReadBy());
        if (timing) err().println(clock.summary());
        comparison.kept().forEach(kept -> err().println(kept.line()));
        if (comparison.changes().isEmpty()) {
            out().println("No new upgrade operations detected.");
            return 0;
        }
        out().println("New upgrade operations detected:");
        for (Change c : comparison.changes()) {
            out().println("  - " + c.summary());
        }
        out().flush();
        throw new DiffgenException(DiffgenException.ErrorCode.DIFFERENCES, "the entities and the database differ");
    }
}

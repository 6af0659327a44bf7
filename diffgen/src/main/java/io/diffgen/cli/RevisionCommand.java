package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.command.Autogenerate;
import io.diffgen.command.RevisionWriter;
import io.diffgen.command.Timing;
import io.diffgen.diff.Change;
import io.diffgen.lint.Diagnostic;
import io.diffgen.lint.Linter;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

@Command(name = "revision", description = "Create a new revision script, from the entity model with --autogenerate.")
final class RevisionCommand extends DiffgenCommand {
    @Option(names = "--timing", description = "Print where the time went (jvm, model, catalog, canonical, diff) to stderr.")
    boolean timing;

    @Option(names = {"-m", "--message"}, required = true, description = "What the revision does.")
    String message;

    @Option(names = "--autogenerate", description = "Fill the revision with the differences between the entities and the database.")
    boolean autogenerate;

    @Option(names = "--rev-id", description = "Use this revision id instead of a random one.")
    String revId;

    @Option(names = "--head", description = "The revision to build on (default: the single head).")
    String head;

    @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (starts a branch).")
    boolean splice;

    @Option(names = "--single-transaction", description = "Write the whole upgrade as one transaction, as for a development "
            + "database: indexes, UNIQUEs, FKs, CHECKs and NOT NULLs on existing tables checked under the locks that add them. "
            + "By default indexes and UNIQUEs on existing tables are built CONCURRENTLY and FKs, CHECKs and NOT NULLs "
            + "validated in changesets of their own, so writes go on.")
    boolean singleTransaction;

    @Option(names = "--concurrently", hidden = true, description = "The default now; kept so that scripts that pass it still work.")
    boolean concurrently;

    @Override
    public Integer call() {
        String text = RevisionWriter.message(message);
        MigrationsDirectory migrations = parent.common.migrationsDirectory();
        var err = spec.commandLine().getErr();
        return migrations.whileWritingRevisions(() -> write(migrations, text), line -> {
            err.println(line);
            err.flush();
        });
    }

    private int write(MigrationsDirectory migrations, String text) {
        migrations.ensureMasterChangelog();
        RevisionGraph graph = migrations.graph();
        List<String> parents = parents(graph);
        String id = RevisionWriter.newId(graph, revId);

        List<Change> upgrade = List.of();
        Optional<io.diffgen.snapshot.SchemaSnapshot> target = Optional.empty();
        Timing clock = new Timing();
        if (autogenerate) {
            Autogenerate.Comparison comparison = Autogenerate.compare(parent.common.modelSettings(), migrations, graph, parents, !singleTransaction, clock);
            upgrade = comparison.changes();
            target = Optional.of(comparison.model());
            if (upgrade.isEmpty()) {
                spec.commandLine().getOut().println("No changes detected");
                if (timing) spec.commandLine().getErr().println(clock.summary());
                return 0;
            }
        }
        List<Diagnostic> warnings = Linter.lint(upgrade, target);
        var err = spec.commandLine().getErr();
        for (Change c : upgrade) {
            err.println("Detected " + c.summary());
        }
        for (Diagnostic d : warnings) {
            err.println(d.line());
        }
        Path written = RevisionWriter.write(migrations, id, parents, text, upgrade, warnings, common().scriptTimeouts());
        spec.commandLine().getOut().println("Generating " + written.toAbsolutePath() + " ...  done");
        if (timing) err.println(clock.summary());
        return 0;
    }

    private List<String> parents(RevisionGraph graph) {
        if (head == null) {
            return graph.isEmpty() ? List.of() : List.of(graph.head("a new revision"));
        }
        if (head.equals("base")) {
            if (!graph.isEmpty() && !splice) {
                throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "--head base starts a new base; add --splice to do that");
            }
            return List.of();
        }
        String resolved = graph.resolve(head, "--head head");
        if (!graph.heads().contains(resolved) && !splice) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE,
                    "revision " + resolved + " is not a head; add --splice to start a branch from it");
        }
        return List.of(resolved);
    }
}

package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.command.Autogenerate;
import io.diffgen.command.Settings;
import io.diffgen.command.Timing;
import io.diffgen.diff.Change;
import io.diffgen.lint.Diagnostic;
import io.diffgen.lint.Linter;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;


@Command(name = "check", description = "Exit 0 if the entities and the database agree, 1 with the differences if not.")
final class CheckCommand extends DiffgenCommand {
    @Option(names = "--timing", description = "Print where the time went (jvm, model, catalog, canonical, diff) to stderr.")
    boolean timing;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Format f = format.format();
        return reporting(f, "check", () -> check(f));
    }

    private Integer check(Format f) {
        MigrationsDirectory migrations = migrations();
        Timing clock = new Timing();
        Settings settings;
        try {
            settings = common().modelSettings();
        } catch (RuntimeException e) {
            migrations.graph(); // a broken migrations folder is said first, as it was when it was read first
            throw e;
        }
        // a migrations folder that is not there is said before the read, which would write its cache beside a mistyped path
        migrations.scripts();
        // Hibernate reads the model while the revisions are read
        Autogenerate.ModelReading model = Autogenerate.startReading(settings, clock);
        RevisionGraph graph = model.alongside(migrations::graph);
        Autogenerate.Comparison comparison = Autogenerate.check(model, migrations, graph, clock);
        if (common().verbose) err().println("Model read by " + comparison.modelReadBy());
        if (timing) err().println(clock.summary());
        if (f != Format.TEXT) {
            return report(comparison, f);
        }
        comparison.kept().forEach(kept -> err().println(kept.line()));
        List<String> contracts = graph.contractsReady(graph.ancestorsInclusive(comparison.databaseRevisions()));
        if (!contracts.isEmpty()) {
            err().println("Contract " + String.join(", ", contracts) + " pending: the database is compared with what its revisions made it, "
                    + "and the entities with what the contract makes");
        }
        if (comparison.changes().isEmpty()) {
            out().println("No new upgrade operations detected.");
            return 0;
        }
        out().println("New upgrade operations detected:");
        for (Change c : comparison.changes()) {
            out().println("  - " + c.summary());
        }
        out().flush();
        throw differ();
    }

    /** Each difference, then the warnings a revision of them would carry, and what the comparison keeps as it is. */
    private Integer report(Autogenerate.Comparison comparison, Format f) {
        List<Finding> findings = new ArrayList<>();
        comparison.changes().forEach(c -> findings.add(Finding.of(Finding.Kind.DIFFERENCE, c.subject(), Finding.Severity.ERROR, c.summary())));
        List<Diagnostic> warnings = new ArrayList<>(Linter.lint(comparison.changes(), Optional.of(comparison.model())));
        warnings.addAll(comparison.kept());
        warnings.forEach(d -> findings.add(Finding.of(d, d.subject(), Optional.empty(), OptionalInt.empty())));
        boolean same = comparison.changes().isEmpty();
        print(new Report("check", same, same ? "No new upgrade operations detected."
                : comparison.changes().size() + " difference(s) between the entities and the database", findings), f);
        if (same) return 0;
        throw new Reported(differ());
    }

    private static DiffgenException differ() {
        return new DiffgenException(DiffgenException.ErrorCode.DIFFERENCES, "the entities and the database differ");
    }
}

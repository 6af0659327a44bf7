package io.diffgen.cli;

import io.diffgen.command.RevisionWriter;
import io.diffgen.command.Timing;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Option(names = "--expand-contract", description = "For a rolling deploy: write the changes as an expand revision, which "
            + "'upgrade' runs before the deploy and both versions of the application work with, and a contract revision on it, which "
            + "'contract' runs once only the new version is left. A renamed column, or a type change that rewrites the table, becomes a "
            + "new column kept in step by a trigger and backfilled in batches. Default from diffgen.properties: expand-contract=true.")
    boolean expandContract;

    @Option(names = "--backfill-batch", paramLabel = "ROWS", defaultValue = "1000",
            description = "With --expand-contract: rows per backfill transaction (default: ${DEFAULT-VALUE}).")
    int backfillBatch;

    @Option(names = "--backfill-pause", paramLabel = "MS", defaultValue = "20",
            description = "With --expand-contract: milliseconds between two backfill transactions (default: ${DEFAULT-VALUE}).")
    int backfillPause;

    @Option(names = "--concurrently", hidden = true, description = "The default now; kept so that scripts that pass it still work.")
    boolean concurrently;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Format f = format.format();
        return reporting(f, "revision", () -> revision(f));
    }

    private Integer revision(Format f) {
        Timing clock = new Timing();
        var request = new RevisionWriter.Request(message, revId, head, splice,
                autogenerate ? Optional.of(common().modelSettings()) : Optional.empty(), !singleTransaction, common().scriptTimeouts(),
                expandContract ? Optional.of(backfill()) : Optional.empty());
        RevisionWriter.Written written = RevisionWriter.revision(migrations(), request, clock, this::tell);
        if (common().verbose) written.modelReadBy().ifPresent(by -> err().println("Model read by " + by));
        written.changes().forEach(c -> err().println("Detected " + c.summary()));
        if (f != Format.TEXT) {
            print(report(written), f);
        } else if (written.path().isEmpty()) {
            out().println("No changes detected");
        } else {
            written.warnings().forEach(d -> err().println(d.line()));
            written.phases().forEach(p -> out().println("Generating " + p.toAbsolutePath() + " ...  done"));
        }
        if (timing) err().println(clock.summary());
        return 0;
    }

    private io.diffgen.diff.ExpandContract.Backfill backfill() {
        if (backfillBatch < 1 || backfillPause < 0) {
            throw new io.diffgen.DiffgenException(io.diffgen.DiffgenException.ErrorCode.USAGE,
                    "--backfill-batch must be 1 or more rows, --backfill-pause 0 or more milliseconds");
        }
        return new io.diffgen.diff.ExpandContract.Backfill(backfillBatch, backfillPause);
    }

    /** The new revision's warnings, each on the line of its header that states it. */
    private static Report report(RevisionWriter.Written written) {
        if (written.path().isEmpty()) {
            return new Report("revision", true, "No changes detected", java.util.List.of());
        }
        java.nio.file.Path file = written.path().get();
        java.util.List<Finding> findings = written.warnings().stream()
                .map(d -> Finding.of(d, d.subject(), Optional.of(shown(file)), lineOf(file, l -> l.endsWith(d.line())))).toList();
        return new Report("revision", true, "Generated " + shown(file) + " with " + written.changes().size() + " change(s) and "
                + findings.size() + " warning(s)", findings);
    }
}

package io.diffgen.cli;

import io.diffgen.api.MigrationStatus;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.report.Finding;
import io.diffgen.report.Format;
import io.diffgen.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "status", description = "The current revision(s), the heads and the pending revisions.")
final class StatusCommand extends DiffgenCommand {
    @Option(names = "--json", description = "Print the status alone as JSON (the Migrator API's MigrationStatus.toJson()).")
    boolean json;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() throws Exception {
        Format f = format.format();
        return reporting(f, "status", () -> status(f));
    }

    private Integer status(Format f) throws SQLException {
        MigrationsDirectory migrations = migrations();
        MigrationStatus status;
        try (Connection c = common().connect()) {
            status = MigrationStatus.of(c, migrations);
        }
        if (json) {
            out().println(status.toJson());
            return 0;
        }
        if (f != Format.TEXT) {
            print(report(status, migrations), f);
            return 0;
        }
        out().println("current: " + (status.current().isEmpty() ? "<base>" : String.join(", ", status.current())));
        out().println("heads:   " + String.join(", ", status.heads()));
        out().println("pending: " + (status.pending().isEmpty() ? "none" : String.join(", ", status.pending())));
        if (!status.contractPending().isEmpty()) {
            out().println("contract pending: " + String.join(", ", status.contractPending()) + " (its expand has run: 'diffgen contract' "
                    + "once every instance runs the new version)");
        }
        if (!status.ahead().isEmpty()) {
            out().println("ahead:   " + String.join(", ", status.ahead()) + " (applied by a newer version of the migrations; not in "
                    + migrations.versions() + ")");
            out().println("ahead of these migrations");
            return 0;
        }
        out().println(status.upToDate() ? "up to date" : "not up to date");
        return 0;
    }

    /** Each pending revision, on its file, and the revisions a newer version applied, as notes. */
    private static Report report(MigrationStatus status, MigrationsDirectory migrations) {
        java.util.List<Finding> findings = new java.util.ArrayList<>();
        var graph = migrations.graph();
        for (String id : status.pending()) {
            Finding pending = Finding.of(Finding.Kind.PENDING, id, Finding.Severity.NOTE, "revision " + id + " is not applied yet");
            findings.add(graph.get(id).path().map(p -> pending.at(shown(p), java.util.OptionalInt.of(1))).orElse(pending));
        }
        for (String id : status.ahead()) {
            findings.add(Finding.of(Finding.Kind.PENDING, id, Finding.Severity.NOTE, "revision " + id
                    + " was applied by a newer version of the migrations; it is not in " + migrations.versions()));
        }
        String summary = !status.ahead().isEmpty() ? "ahead of these migrations" : status.upToDate() ? "up to date"
                : "not up to date: " + status.pending().size() + " pending revision(s)";
        return new Report("status", status.upToDate() || !status.ahead().isEmpty(), summary, findings, java.util.Optional.of(status));
    }
}

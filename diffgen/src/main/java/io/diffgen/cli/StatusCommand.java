package io.diffgen.cli;

import io.diffgen.api.MigrationStatus;
import io.diffgen.revision.MigrationsDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "status", description = "The current revision(s), the heads and the pending revisions.")
final class StatusCommand extends DiffgenCommand {
    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = migrations();
        MigrationStatus status;
        try (Connection c = common().connect()) {
            status = MigrationStatus.of(c, migrations);
        }
        if (json) {
            out().println(status.toJson());
            return 0;
        }
        out().println("current: " + (status.current().isEmpty() ? "<base>" : String.join(", ", status.current())));
        out().println("heads:   " + String.join(", ", status.heads()));
        out().println("pending: " + (status.pending().isEmpty() ? "none" : String.join(", ", status.pending())));
        if (!status.ahead().isEmpty()) {
            out().println("ahead:   " + String.join(", ", status.ahead()) + " (applied by a newer version of the migrations; not in "
                    + migrations.versions() + ")");
            out().println("ahead of these migrations");
            return 0;
        }
        out().println(status.upToDate() ? "up to date" : "not up to date");
        return 0;
    }
}

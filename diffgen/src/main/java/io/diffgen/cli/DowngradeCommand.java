package io.diffgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.SQLException;

@Command(name = "downgrade", description = "Roll back revisions down to TARGET: -N, REV-N, a revision, or base.")
final class DowngradeCommand extends MigrateCommand {
    @Parameters(arity = "1", paramLabel = "TARGET", description = "-N, a revision, or base (required). With --sql: FROM:TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL instead of running it; the range FROM:TO is required.")
    boolean sql;

    @Override
    public Integer call() throws SQLException {
        return migrate(false, target, sql);
    }
}

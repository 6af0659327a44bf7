package io.diffgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.SQLException;

@Command(name = "upgrade", description = "Apply revisions up to TARGET: head (default), heads, +N, REV+N or a revision.")
final class UpgradeCommand extends MigrateCommand {
    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET", description = "With --sql: [FROM:]TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL (with the DATABASECHANGELOG bookkeeping) instead of running it; needs no database.")
    boolean sql;

    @Override
    public Integer call() throws SQLException {
        return migrate(true, target, sql);
    }
}

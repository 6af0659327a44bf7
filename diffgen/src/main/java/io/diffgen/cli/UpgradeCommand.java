package io.diffgen.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.diffgen.revision.RevisionGraph;

import java.sql.SQLException;

@Command(name = "upgrade", description = "Apply revisions up to TARGET: head (default), heads, +N, REV+N or a revision. "
        + "Stops before the contract of an expand/contract pair (run 'contract' after the deploy).")
final class UpgradeCommand extends MigrateCommand {
    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET", description = "With --sql: [FROM:]TO.")
    String target;

    @Option(names = "--sql", description = "Print the SQL (with the DATABASECHANGELOG bookkeeping) instead of running it; needs no database.")
    boolean sql;

    @Option(names = "--contract", description = "Run the contracts of expand/contract pairs too: for a database no application "
            + "runs on yet (a test or a new environment).")
    boolean contract;

    @Override
    public Integer call() throws SQLException {
        return migrate(true, target, sql, contract ? RevisionGraph.Phases.ALL : RevisionGraph.Phases.EXPAND);
    }
}

package io.diffgen.cli;

import io.diffgen.revision.RevisionGraph;
import picocli.CommandLine.Command;

import java.sql.SQLException;

@Command(name = "contract", description = "Run the contract revisions whose expand has run: after the deploy, once no instance of "
        + "the old version is left (they drop what only the old version used).")
final class ContractCommand extends MigrateCommand {
    @Override
    public Integer call() throws SQLException {
        return migrate(true, "heads", false, RevisionGraph.Phases.CONTRACT);
    }
}

package io.diffgen.cli;

import io.diffgen.DiffgenException;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.util.List;

@Command(name = "preflight", description = "Run the data checks of the revisions an upgrade to TARGET (default head) would apply: "
        + "the rows already in the database that a new UNIQUE, FK, NOT NULL (or NOT NULL column without a default), CHECK or narrower type would reject. "
        + "Changes nothing; exit 1 when a check fails.")
final class PreflightCommand extends DiffgenCommand {
    @Parameters(arity = "0..1", defaultValue = "head", paramLabel = "TARGET")
    String target;

    @Override
    public Integer call() throws java.sql.SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        try (Connection c = common().connect()) {
            List<RevisionRunner.DataReport> reports = common().runner(c, migrations, graph, spec).preflight(target);
            int failed = 0;
            for (RevisionRunner.DataReport r : reports) {
                for (String line : r.violations()) {
                    out().println(r.revision() + ": " + line);
                    failed++;
                }
                for (String line : r.unfinished()) {
                    out().println(r.revision() + ": did not finish within the timeouts: " + line);
                    failed++;
                }
                for (String line : r.notRun()) {
                    out().println(r.revision() + ": not run (it may need an earlier pending revision): " + line);
                }
            }
            if (failed > 0) {
                out().println(failed + " data check(s) failed: an upgrade would stop before changing anything");
                throw new DiffgenException(DiffgenException.ErrorCode.DIFFERENCES, failed + " data check(s) failed");
            }
            out().println(reports.isEmpty() ? "Nothing to upgrade: no data check to run"
                    : "Data checks passed for " + reports.size() + " pending revision(s)");
        }
        return 0;
    }
}

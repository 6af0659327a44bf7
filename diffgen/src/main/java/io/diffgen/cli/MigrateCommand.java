package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.runner.SqlScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/** upgrade and downgrade: run the plan to a target on the database, or print it as SQL with --sql. */
abstract class MigrateCommand extends DiffgenCommand {
    @picocli.CommandLine.Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "5",
            description = "How often the progress of a long statement (an index built CONCURRENTLY, a validation) is told on "
                    + "stderr, read from PostgreSQL itself (default: ${DEFAULT-VALUE}; 0: never).")
    int progressEvery;

    int migrate(boolean upgrade, String target, boolean sql) throws SQLException {
        return migrate(upgrade, target, sql, RevisionGraph.Phases.EXPAND);
    }

    /** {@code phases}: which halves of expand/contract pairs an upgrade runs. */
    int migrate(boolean upgrade, String target, boolean sql, RevisionGraph.Phases phases) throws SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        if (sql) {
            SqlScript script = new SqlScript(migrations, graph, common().limits(spec));
            out().print(upgrade ? script.upgrade(target, phases) : script.downgrade(target));
            return 0;
        }
        if (progressEvery < 0) {
            throw new io.diffgen.DiffgenException(io.diffgen.DiffgenException.ErrorCode.USAGE, "--progress-every must be 0 or more seconds");
        }
        var url = common().targetUrl();
        try (Connection c = url.connect()) {
            ProgressLines progress = new ProgressLines(err(), ProgressLines.stderrIsATerminal());
            RevisionRunner runner = common().runner(c, migrations, graph, spec)
                    .withProgress(progress, java.time.Duration.ofSeconds(progressEvery), url::connect);
            Consumer<RevisionRunner.Step> told = step -> progress.finish();
            List<String> done;
            try {
                done = upgrade ? runner.upgrade(target, phases, told) : runner.downgrade(target, told);
            } finally {
                progress.finish();
            }
            List<String> contracts = upgrade && phases == RevisionGraph.Phases.EXPAND ? graph.contractsReady(runner.applied()) : List.of();
            if (!contracts.isEmpty()) {
                err().println("Contract " + String.join(", ", contracts) + " pending: run 'diffgen contract' once every instance runs the new version");
            } else if (done.isEmpty()) {
                err().println(phases == RevisionGraph.Phases.CONTRACT ? "No contract pending: nothing to contract"
                        : "Already at " + target + ": nothing to " + (upgrade ? "upgrade" : "downgrade"));
            }
        }
        return 0;
    }
}

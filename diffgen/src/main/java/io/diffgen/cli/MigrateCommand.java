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

    int migrate(boolean upgrade, String target, boolean sql) throws SQLException {
        MigrationsDirectory migrations = migrations();
        RevisionGraph graph = migrations.graph();
        if (sql) {
            SqlScript script = new SqlScript(migrations, graph, common().limits(spec));
            out().print(upgrade ? script.upgrade(target) : script.downgrade(target));
            return 0;
        }
        try (Connection c = common().connect()) {
            RevisionRunner runner = common().runner(c, migrations, graph, spec);
            Consumer<RevisionRunner.Step> told = step -> err().println(graph.get(step.revision()).running(upgrade));
            List<String> done = upgrade ? runner.upgrade(target, told) : runner.downgrade(target, told);
            if (done.isEmpty()) {
                err().println("Already at " + target + ": nothing to " + (upgrade ? "upgrade" : "downgrade"));
            }
        }
        return 0;
    }
}

package io.diffgen.cli;

import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.runner.SqlScript;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.SQLException;

@Command(name = "stamp", description = "Record the database as being at TARGET (head, heads, a revision, base) without running anything.")
final class StampCommand extends DiffgenCommand {
    @Parameters(arity = "1", paramLabel = "TARGET", description = "head, heads, a revision or base. With --sql: [FROM:]TO.")
    String target;

    @Option(names = "--purge", description = "Delete every diffgen row of DATABASECHANGELOG first, even those naming revisions "
            + "whose file is gone, then record TARGET.")
    boolean purge;

    @Option(names = "--sql", description = "Print the DATABASECHANGELOG rows instead of writing them; needs no database.")
    boolean sql;

    @Override
    public Integer call() throws SQLException {
        MigrationsDirectory migrations = migrations();
        if (sql) {
            out().print(new SqlScript(migrations, migrations.graph(), common().limits(spec)).stamp(target, purge));
            return 0;
        }
        try (Connection c = common().connect()) {
            common().runner(c, migrations, migrations.graph(), spec).stamp(target, purge);
        }
        err().println("Stamped " + target);
        return 0;
    }
}

package io.diffgen;

import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NOT NULL column without a default, added to a table with rows: DG004 says what to do instead,
 * preflight counts the rows, and the upgrade stops before changing anything; on an empty table it runs.
 */
@Tag("postgres")
class NewNotNullColumnTest {
    @Test
    void preflightCountsTheRowsAndTheUpgradeStopsBeforeChangingAnything(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("new_not_null");
        List<String> on = args("--url", db.url(), "--migrations", dir.resolve("migrations"),
                "--model-classpath", Path.of("target", "test-classes").toAbsolutePath());
        Cli.run(args("revision", "--autogenerate", "-m", "profiles", "--model-package", "io.diffgen.notnull.v1", on)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        db.execute("INSERT INTO profiles (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");

        Cli.Result revision = Cli.run(args("revision", "--autogenerate", "-m", "country", "--model-package", "io.diffgen.notnull.v2", on));
        assertEquals(0, revision.exitCode(), revision.err());
        assertTrue(revision.err().contains("WARNING DG004: adds NOT NULL column profiles.country without a default; it fails if the table has "
                + "rows (preflight counts them): give it a default (@ColumnDefault), or split the revision with --expand-contract"), revision.err());

        Cli.Result preflight = Cli.run(args("preflight", on));
        assertEquals(1, preflight.exitCode(), preflight.out() + preflight.err());
        assertTrue(preflight.out().contains(": profiles.country added NOT NULL without a default: 3 existing rows would violate it; "
                + "list them: SELECT * FROM profiles"), preflight.out());
        Cli.Result upgrade = Cli.run(args("upgrade", "head", on));
        assertEquals(6, upgrade.exitCode(), upgrade.err());
        assertTrue(upgrade.err().contains("profiles.country added NOT NULL without a default: 3 existing rows would violate it"), upgrade.err());
        assertEquals(List.of("id", "name"), Catalogs.read(db).tables().get("profiles").columns().stream().map(c -> c.name()).toList(),
                "nothing changed");

        db.execute("DELETE FROM profiles");
        Cli.run(args("preflight", on)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        Cli.run(args("downgrade", "-1", on)).assertOk();
    }
}

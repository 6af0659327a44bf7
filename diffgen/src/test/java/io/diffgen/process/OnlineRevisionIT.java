package io.diffgen.process;

import io.diffgen.Catalogs;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's edit (an FK column, NOT NULL, a UNIQUE, a changed CHECK, an index) on tables that hold
 * rows, through the packaged jar: the default revision uses every online form and passes Squawk's lock
 * rules; it applies, check is clean, the catalog is a fresh build's with every constraint validated, and
 * the downgrade restores it. With a duplicate under the new UNIQUE, preflight, upgrade and the --sql
 * script through psql all stop before anything changes, naming the constraint and the count.
 */
@Tag("process")
class OnlineRevisionIT {
    private static final String EDIT = "io.diffgen.corpus.c44_busy_tables_online_forms.";
    private static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();
    private static final String ROWS = """
            INSERT INTO region (id, code) VALUES (1, 'EU'), (2, 'US');
            INSERT INTO customer (id, email, name) SELECT n, 'c' || n || '@example.com', 'name ' || n FROM generate_series(1, 20000) AS n;
            """;

    @TempDir
    Path work;

    private List<String> on(TestDatabase db) {
        return args("--url", db.url(), "--migrations", work.resolve("migrations"), "--model-classpath", TEST_CLASSES);
    }

    private static List<String> model(String version) {
        return args("--model-package", EDIT + version);
    }

    /** A database at v1 with rows, and the v2 revision generated against it. */
    private Path v2Revision(TestDatabase db, String... moreRows) throws Exception {
        Jar.run(work, args("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", on(db), model("v1"))).assertOk();
        Jar.run(work, args("upgrade", on(db))).assertOk();
        db.execute(ROWS);
        db.execute(moreRows);
        Jar.run(work, args("revision", "--autogenerate", "-m", "busy tables", "--rev-id", "v2", on(db), model("v2"))).assertOk();
        try (Stream<Path> files = Files.list(work.resolve("migrations/versions"))) {
            return files.filter(f -> f.getFileName().toString().contains("_v2_")).findFirst().orElseThrow();
        }
    }

    @Test
    void theDefaultRevisionIsOnlineAppliesAndRollsBackExactly() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("online_busy");
        Path script = v2Revision(db);
        String text = Files.readString(script);
        for (String form : List.of("NOT VALID", "VALIDATE CONSTRAINT fk_customer_region", "VALIDATE CONSTRAINT ck_customer_name",
                "CREATE UNIQUE INDEX CONCURRENTLY uq_customer_email", "UNIQUE USING INDEX uq_customer_email",
                "CREATE INDEX CONCURRENTLY ix_customer_region_id", "CHECK (\"name\" IS NOT NULL) NOT VALID",
                "SET lock_timeout = '10s'", "SET statement_timeout", "--precondition-sql-check")) {
            assertTrue(text.contains(form), "the script uses " + form + ":\n" + text);
        }
        Squawk.binary().ifPresent(squawk -> {
            try {
                List<String> lockRules = Squawk.lint(squawk, List.of(script)).stream().map(Squawk.Finding::rule)
                        .filter(r -> !r.startsWith("prefer-")).toList();
                assertEquals(List.of(), lockRules, "Squawk finds no lock or rewrite hazard in:\n" + text);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        SchemaSnapshot before = Catalogs.read(db);

        Jar.run(work, args("upgrade", on(db))).assertOk();
        Jar.Result check = Jar.run(work, args("check", on(db), model("v2")));
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals(fresh(), Catalogs.ignoringColumnOrder(Catalogs.read(db)), "the catalog of a fresh build of v2");
        assertEquals(0, count(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'customer'::regclass AND NOT convalidated"));
        assertEquals(0, count(db, "SELECT count(*) FROM pg_index WHERE indrelid = 'customer'::regclass AND NOT indisvalid"));
        assertEquals(20000, count(db, "SELECT count(*) FROM customer"));

        Jar.Result down = Jar.run(work, args("downgrade", "-1", on(db))).assertOk();
        assertEquals(List.of("[1/1] Running downgrade v2 -> v1, busy tables"), down.err().lines().toList(),
                "the revision's line and nothing else: no notice of PostgreSQL's (an index dropped IF EXISTS) logged by Liquibase");
        assertEquals(before, Catalogs.read(db), "the downgrade restores the v1 catalog");
        PostgresServer.dropDatabase(db);
    }

    @Test
    void aDuplicateUnderTheNewUniqueStopsEveryPathBeforeAnythingChanges() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("online_duplicate");
        v2Revision(db, "INSERT INTO customer (id, email, name) VALUES (20001, 'c7@example.com', 'again')");
        SchemaSnapshot before = Catalogs.read(db);
        List<String> tracking = Catalogs.trackingRows(db);

        Jar.Result preflight = Jar.run(work, args("preflight", on(db)));
        assertEquals(1, preflight.exitCode(), preflight.out() + preflight.err());
        assertTrue(preflight.out().contains("v2: uq_customer_email: 1 existing row would violate it; list them: SELECT email, count(*)"),
                preflight.out());

        Jar.Result upgrade = Jar.run(work, args("upgrade", on(db)));
        assertEquals(6, upgrade.exitCode(), upgrade.err());
        assertTrue(upgrade.err().startsWith("[1/1] Running upgrade v1 -> v2, busy tables\nerror: upgrade of revision v2 (")
                && upgrade.err().contains("stopped before it changed anything")
                && upgrade.err().contains("\n  uq_customer_email: 1 existing row would violate it"), upgrade.err());
        assertEquals(before, Catalogs.read(db), "nothing changed");
        assertEquals(tracking, Catalogs.trackingRows(db), "nothing recorded");

        Jar.Result piped = Jar.shell(work, Map.of("URL", db.url(), "MIGRATIONS", work.resolve("migrations").toString()),
                "$DIFFGEN upgrade v1:v2 --sql --migrations \"$MIGRATIONS\" | psql -X -q -v ON_ERROR_STOP=1 \"$URL\"");
        assertTrue(piped.exitCode() != 0 && piped.err().contains("data check uq_customer_email of revision v2: found 1 instead of 0"), piped.err());
        assertEquals(before, Catalogs.read(db), "nothing changed through psql either");

        db.execute("DELETE FROM customer WHERE id = 20001");
        assertTrue(Jar.run(work, args("preflight", on(db))).assertOk().out().contains("Data checks passed for 1 pending revision(s)"));
        Jar.run(work, args("upgrade", on(db))).assertOk();
        PostgresServer.dropDatabase(db);
    }

    private SchemaSnapshot fresh() {
        TestDatabase db = PostgresServer.createDatabase("online_fresh");
        List<String> on = args("--url", db.url(), "--migrations", work.resolve("fresh"), "--model-classpath", TEST_CLASSES);
        Jar.run(work, args("revision", "--autogenerate", "-m", "fresh", on, model("v2"))).assertOk();
        Jar.run(work, args("upgrade", on)).assertOk();
        SchemaSnapshot s = Catalogs.ignoringColumnOrder(Catalogs.read(db));
        PostgresServer.dropDatabase(db);
        return s;
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

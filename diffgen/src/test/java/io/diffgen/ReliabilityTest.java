package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.cli.Main;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults and concurrency: a failing statement, a failing CREATE INDEX CONCURRENTLY, kill -9 in the
 * middle of an upgrade, the server going away, eight concurrent upgraders, upgrade racing downgrade.
 * make soak raises the number of kill trials (-Ddiffgen.kill.trials=50).
 */
@Tag("postgres")
class ReliabilityTest {
    private static final Path PIXCRAWLER = Path.of("../migrations");

    /** A migrations folder of hand-written revisions r1..rN, each in its own file. */
    static Path migrations(Path dir, String... bodies) throws IOException {
        Path versions = dir.resolve("migrations/versions");
        Files.createDirectories(versions);
        for (int i = 0; i < bodies.length; i++) {
            String id = "r" + (i + 1);
            String parent = i == 0 ? "" : "r" + i;
            String body = bodies[i];
            Files.writeString(versions.resolve(String.format("20260101_%06d_%s.sql", i, id)),
                    "--liquibase formatted sql\n-- Revision: " + id + "\n-- Revises: " + parent + "\n-- Message: step " + (i + 1) + "\n\n"
                            + "--changeset diffgen:" + id + " logicalFilePath:" + id + ".sql\n" + body);
        }
        return dir.resolve("migrations");
    }

    /** N revisions, each creating a table with rows and holding its transaction open a little. */
    static Path slowMigrations(Path dir, int n) throws IOException {
        String[] bodies = new String[n];
        for (int i = 1; i <= n; i++) {
            bodies[i - 1] = "CREATE TABLE k" + i + " (id integer PRIMARY KEY, v text);\n"
                    + "INSERT INTO k" + i + " SELECT g, 'row ' || g FROM generate_series(1, 500) g;\n"
                    + "SELECT pg_sleep(0.05);\n"
                    + "--rollback DROP TABLE k" + i + ";\n";
        }
        return migrations(dir, bodies);
    }

    @Test
    void aStatementFailingMidRevisionRollsBackTheWholeRevision(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("mid_failure");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nINSERT INTO t VALUES (1, NULL);\n--rollback DROP TABLE t;\n",
                "ALTER TABLE t ADD COLUMN w integer;\nALTER TABLE t ALTER COLUMN v SET NOT NULL;\n"
                        + "--rollback ALTER TABLE t ALTER COLUMN v DROP NOT NULL;\n--rollback ALTER TABLE t DROP COLUMN w;\n");
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.Result r = Cli.run(args("upgrade", "head", on));
        assertEquals(6, r.exitCode());
        assertTrue(r.err().contains("upgrade of revision r2 (20260101_000001_r2.sql) failed at: ALTER TABLE t ALTER COLUMN v SET NOT NULL"), r.err());
        assertTrue(r.err().contains("column \"v\" of relation \"t\" contains null values"), r.err());
        assertTrue(r.err().contains("nothing of it was applied; the database is still at r1"), r.err());
        assertEquals("r1\n", Cli.run(args("current", on)).assertOk().out());
        assertFalse(Catalogs.read(db).tables().get("t").column("w").isPresent(), "the first statement of r2 was rolled back too");
        db.execute("UPDATE t SET v = 0");
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void aLaterChangesetFailingSaysTheEarlierOnesStayApplied(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("later_changeset");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nINSERT INTO t VALUES (1, NULL);\n--rollback DROP TABLE t;\n",
                "ALTER TABLE t ADD COLUMN w integer;\n--rollback ALTER TABLE t DROP COLUMN w;\n\n"
                        + "--changeset diffgen:r2.2 logicalFilePath:r2.sql\n"
                        + "ALTER TABLE t ALTER COLUMN v SET NOT NULL;\n--rollback ALTER TABLE t ALTER COLUMN v DROP NOT NULL;\n");
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.Result failed = Cli.run(args("upgrade", "head", on));
        assertEquals(6, failed.exitCode());
        assertTrue(failed.err().contains("nothing of it was applied; the database is still at r2 (partially applied: a later changeset "
                + "of it did not run; upgrade finishes it)"), failed.err());
        db.execute("UPDATE t SET v = 0");
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void aFailedConcurrentIndexIsReportedAndTheRetryFinishesIt(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("concurrently");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nINSERT INTO t VALUES (1, 7), (2, 7);\n--rollback DROP TABLE t;\n",
                "ALTER TABLE t ADD COLUMN w integer;\n--rollback ALTER TABLE t DROP COLUMN w;\n\n"
                        + "--changeset diffgen:r2.2 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v);\n--rollback DROP INDEX CONCURRENTLY ix_t_v;\n");
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.Result failed = Cli.run(args("upgrade", "head", on));
        assertEquals(6, failed.exitCode());
        assertTrue(failed.err().contains("CREATE UNIQUE INDEX CONCURRENTLY ix_t_v"), failed.err());
        assertTrue(failed.err().contains("ran outside a transaction"), failed.err());
        assertEquals("r2 (head) (partially applied: a later changeset of it did not run; upgrade finishes it)\n",
                Cli.run(args("current", on)).assertOk().out());
        assertTrue(Cli.run(args("status", on)).assertOk().out().contains("pending: r2"));
        assertTrue(Cli.run(args("validate", on)).assertOk().out().endsWith(": 1 applied, 1 partially applied, 0 pending\n"),
                "each revision counted once");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t_v'::regclass")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1), "the failure left an invalid index behind");
        }
        db.execute("DELETE FROM t WHERE id = 2");
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
        assertTrue(Catalogs.read(db).tables().get("t").indexes().stream().anyMatch(i -> i.name().equals("ix_t_v") && i.unique()));
        Cli.run(args("downgrade", "base", on)).assertOk();
        assertTrue(Catalogs.read(db).tables().isEmpty());
    }

    /**
     * A run killed during CREATE or DROP INDEX CONCURRENTLY: PostgreSQL finishes the statement, no
     * tracking row is written. The next upgrade finds the index built (same definition, valid) or
     * dropped and goes on; an index of that name with another definition still stops it.
     */
    @Test
    void concurrentIndexWorkAKilledRunLeftDoneIsNotRunAgain(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("killed_concurrently");
        Path m = concurrentWork(dir);
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.run(args("upgrade", "r1", on)).assertOk();

        db.execute("CREATE UNIQUE INDEX ix_t_v ON t (id)");
        Cli.Result other = Cli.run(args("upgrade", "head", on));
        assertEquals(6, other.exitCode(), "another index under that name is not taken for the built one:\n" + other.err());
        assertTrue(other.err().contains("relation \"ix_t_v\" already exists; an index or table of that name exists and is not the one this "
                + "statement builds (another definition, another table, or INVALID): drop or rename it, then run upgrade again"), other.err());

        db.execute("DROP INDEX ix_t_v", "CREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v) WHERE v > 0", "DROP INDEX ix_t_w");
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
        Cli.run(args("downgrade", "r1", on)).assertOk();
        assertEquals(List.of("ix_t_w"), Catalogs.read(db).tables().get("t").indexes().stream().map(i -> i.name()).toList(),
                "the downgrade undid both: the tracking rows were written");
    }

    /** r1 makes table t with an index ix_t_w; r2 builds a unique index ix_t_v CONCURRENTLY (r2.2) and drops ix_t_w so (r2.3). */
    private static Path concurrentWork(Path dir) throws IOException {
        return migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer, w integer);\nCREATE INDEX ix_t_w ON t (w);\n"
                        + "INSERT INTO t VALUES (1, 7, 1), (2, 8, 1);\n--rollback DROP TABLE t;\n",
                "SELECT 1;\n--rollback SELECT 1;\n\n"
                        + "--changeset diffgen:r2.2 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v) WHERE (v > 0);\n--rollback DROP INDEX CONCURRENTLY ix_t_v;\n\n"
                        + "--changeset diffgen:r2.3 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "DROP INDEX CONCURRENTLY ix_t_w;\n--rollback CREATE INDEX CONCURRENTLY ix_t_w ON t (w);\n");
    }

    /**
     * The same for --sql run again with psql after a killed psql: the build is IF NOT EXISTS behind a
     * check that stops the script on an INVALID index or one of another definition, the drop IF EXISTS.
     */
    @Test
    void aScriptRunAgainAfterAKilledPsqlFindsConcurrentWorkDone(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/psql")), "psql is needed");
        TestDatabase db = PostgresServer.createDatabase("killed_psql");
        Path m = concurrentWork(dir);
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.run(args("upgrade", "r1", on)).assertOk();
        String script = Cli.run(args("upgrade", "--sql", "r1:head", "--migrations", m)).assertOk().out();

        db.execute("CREATE UNIQUE INDEX ix_t_v ON t (id)");
        String refused = psql(db, script);
        assertTrue(refused.contains("index ix_t_v exists but is INVALID, or not on t, or not as this statement builds it"), refused);
        db.execute("DROP INDEX ix_t_v", "INSERT INTO t VALUES (3, 7, 1)");
        refused = psql(db, script); // the build fails on the duplicate and leaves an INVALID index, as a killed one can
        db.execute("DELETE FROM t WHERE id = 3");
        refused = psql(db, script);
        assertTrue(refused.contains("index ix_t_v exists but is INVALID"), refused);

        db.execute("DROP INDEX ix_t_v", "CREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v) WHERE v > 0", "DROP INDEX ix_t_w");
        CommandSetTest.applyScript(db, script);
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
        List<String> rows = Catalogs.trackingRows(db);
        assertEquals(4, rows.size(), "one row per changeset, however often the script ran: " + rows);
        Cli.run(args("downgrade", "r1", on)).assertOk();
        assertEquals(List.of("ix_t_w"), Catalogs.read(db).tables().get("t").indexes().stream().map(i -> i.name()).toList(),
                "the script wrote both tracking rows");
    }

    /** psql's output for a script it stops on (ON_ERROR_STOP); fails if the script ran through. */
    private static String psql(TestDatabase db, String script) throws Exception {
        Path file = Files.createTempFile("diffgen", ".sql");
        Files.writeString(file, script);
        Process p = new ProcessBuilder("/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", db.host(), "-p",
                Integer.toString(db.port()), "-U", db.user(), "-d", db.name(), "-f", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(3, p.waitFor(), "psql stops on the error:\n" + output);
        Files.delete(file);
        return output;
    }

    @Test
    void eightConcurrentUpgradersApplyEachRevisionOnce() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("eight");
        List<String> on = args("--url", db.url(), "--migrations", PIXCRAWLER);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            runs.add(pool.submit(() -> Cli.run(args("upgrade", "head", on))));
        }
        int applied = 0;
        int upToDate = 0;
        for (Future<Cli.Result> run : runs) {
            Cli.Result r = run.get(120, TimeUnit.SECONDS).assertOk();
            if (r.err().contains("Running upgrade")) applied++;
            if (r.err().contains("Already at head: nothing to upgrade")) upToDate++;
        }
        pool.shutdown();
        assertEquals(1, applied, "one run applies the revisions");
        assertEquals(7, upToDate, "the others wait for the lock, then find nothing to do");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM databasechangelog")) {
            rs.next();
            assertEquals(rs.getInt(2), rs.getInt(1), "every changeset recorded once");
            // PixCrawler's 9 revisions hold 17 changesets (revision 8 validates its CHECKs in changesets of their own)
            assertEquals(17, rs.getInt(1));
        }
    }

    /** Two init at once on a database that does not exist yet (parallel deploy jobs): both end at head. */
    @Test
    void twoInitsAtOnceOnAMissingDatabaseBothSucceed() throws Exception {
        TestDatabase server = PostgresServer.createDatabase("init_race_server");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 6; round++) {
            String url = server.url().substring(0, server.url().lastIndexOf('/')) + "/init_race_" + round;
            List<String> on = args("--url", url, "--migrations", PIXCRAWLER);
            List<Future<Cli.Result>> runs = List.of(pool.submit(() -> Cli.run(args("init", on))), pool.submit(() -> Cli.run(args("init", on))));
            for (Future<Cli.Result> run : runs) {
                Cli.Result r = run.get(120, TimeUnit.SECONDS);
                assertEquals(0, r.exitCode(), "round " + round + ":\n" + r.err());
            }
            assertTrue(Cli.run(args("current", on)).assertOk().out().endsWith("(head)\n"));
        }
        pool.shutdown();
    }

    @Test
    void upgradeRacingDowngradeIsSerialised() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("race");
        List<String> on = args("--url", db.url(), "--migrations", PIXCRAWLER);
        Cli.run(args("upgrade", "head", on)).assertOk();
        String head = Cli.run(args("heads", on)).out();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int round = 0; round < 4; round++) {
            Future<Cli.Result> down = pool.submit(() -> Cli.run(args("downgrade", "base", on)));
            Future<Cli.Result> up = pool.submit(() -> Cli.run(args("upgrade", "head", on)));
            down.get(120, TimeUnit.SECONDS).assertOk();
            up.get(120, TimeUnit.SECONDS).assertOk();
            String current = Cli.run(args("current", on)).assertOk().out();
            int tables = Catalogs.read(db).tables().size();
            assertTrue(current.equals(head) && tables == 14 || current.isEmpty() && tables == 0,
                    "a boundary the tracking table agrees with: current=" + current + " tables=" + tables);
            Cli.run(args("upgrade", "head", on)).assertOk();
        }
        pool.shutdown();
    }

    @Test
    void killDashNineDuringUpgradeLeavesARevisionBoundary(@TempDir Path dir) throws Exception {
        int trials = Integer.getInteger("diffgen.kill.trials", 3);
        int revisions = 12;
        Path m = slowMigrations(dir, revisions);
        Random random = new Random(Long.getLong("diffgen.kill.seed", System.nanoTime()));
        int midway = 0;
        for (int trial = 0; trial < trials; trial++) {
            TestDatabase db = PostgresServer.createDatabase("kill");
            List<String> on = args("--url", db.url(), "--migrations", m);
            Process p = new ProcessBuilder(cliCommand(args("upgrade", "head", on)))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("kill-" + trial + ".log").toFile()).start();
            Thread.sleep(400 + random.nextInt(1800));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));

            Cli.Result current = Cli.run(args("current", on)).assertOk();
            String at = current.out().strip().replace(" (head)", "");
            int n = at.isEmpty() ? 0 : Integer.parseInt(at.substring(1));
            TreeSet<String> expected = new TreeSet<>();
            for (int i = 1; i <= n; i++) expected.add("k" + i);
            assertEquals(expected, new TreeSet<>(Catalogs.read(db).tables().keySet()),
                    "trial " + trial + ": the schema is exactly at the boundary current names (" + at + ")");
            for (String table : expected) {
                try (Connection c = db.connect(); Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertEquals(500, rs.getInt(1), "whole revisions only");
                }
            }
            if (n > 0 && n < revisions) midway++;
            Cli.run(args("upgrade", "head", on)).assertOk();
            assertEquals("r" + revisions + " (head)\n", Cli.run(args("current", on)).assertOk().out(), "a rerun reaches head");
            PostgresServer.dropDatabase(db);
        }
        System.out.printf("kill -9: %d trials, %d killed between revisions 1 and %d, all at a boundary, all resumed%n",
                trials, midway, revisions - 1);
    }

    /**
     * kill -9 while CREATE INDEX CONCURRENTLY waits for an old snapshot: the server finishes the build
     * once the snapshot is gone, no tracking row says so, and the next upgrade goes on from there.
     */
    @Test
    void killDashNineDuringAConcurrentBuildIsResumed(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("kill_concurrently");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nINSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;\n"
                        + "CREATE TABLE other (id integer);\n--rollback DROP TABLE other;\n--rollback DROP TABLE t;\n",
                "SELECT 1;\n--rollback SELECT 1;\n\n--changeset diffgen:r2.2 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "SET lock_timeout = '0';\nCREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v);\n--rollback DROP INDEX CONCURRENTLY ix_t_v;\n");
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.run(args("upgrade", "r1", on)).assertOk();
        try (Connection reader = db.connect()) {
            holdSnapshot(reader, "other"); // an old snapshot the build must wait for
            Process p = new ProcessBuilder(cliCommand(args("upgrade", "head", on)))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("kill.log").toFile()).start();
            int building = waitForQuery(db, "SELECT pid FROM pg_stat_activity WHERE query LIKE 'CREATE UNIQUE INDEX CONCURRENTLY%'");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            reader.commit();
            waitForQuery(db, "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = " + building + ")");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_t_v'::regclass")) {
            assertTrue(rs.next() && rs.getBoolean(1), "the server finished the build the killed run started");
        }
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
        Cli.run(args("downgrade", "-1", on)).assertOk();
        assertTrue(Catalogs.read(db).tables().get("t").indexes().isEmpty(), "the downgrade drops the index: its tracking row was written");
    }

    /**
     * kill -9 at a random moment of an upgrade or a downgrade of a generated revision in every online
     * form (an index and a UNIQUE built CONCURRENTLY, a NOT VALID FK and CHECK validated apart, an
     * online SET NOT NULL) on a table of 20,000 rows, half the upgrades while a report's old snapshot
     * makes the index build wait: the same command run again finishes, and the catalog is the one an
     * unkilled run leaves, both ways. make soak runs 50 trials.
     */
    @Test
    void killDashNineAtRandomPointsOfTheOnlineFormsIsFinishedByARerun(@TempDir Path dir) throws Exception {
        int trials = Integer.getInteger("diffgen.kill.trials", 3);
        Random random = new Random(Long.getLong("diffgen.kill.seed", System.nanoTime()));
        String edit = "io.diffgen.corpus.c44_busy_tables_online_forms.";
        String rows = "INSERT INTO region (id, code) VALUES (1, 'EU'), (2, 'US');\n"
                + "INSERT INTO customer (id, email, name) SELECT n, 'c' || n || '@example.com', 'name ' || n FROM generate_series(1, 20000) AS n;";
        Path m = dir.resolve("migrations");
        TestDatabase reference = PostgresServer.createDatabase("online_kill_reference");
        List<String> model = args("--url", reference.url(), "--migrations", m, "--model-classpath", Path.of("target/test-classes").toAbsolutePath());
        Cli.run(args("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", model, "--model-package", edit + "v1")).assertOk();
        Cli.run(args("upgrade", "head", model)).assertOk();
        reference.execute(rows);
        var atV1 = Catalogs.read(reference);
        Cli.run(args("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2", model, "--model-package", edit + "v2")).assertOk();
        long started = System.nanoTime();
        Cli.run(args("upgrade", "head", model)).assertOk();
        int upgradeMillis = (int) Math.max(50, (System.nanoTime() - started) / 1_000_000);
        var atV2 = Catalogs.read(reference);
        int midway = 0;
        for (int trial = 0; trial < trials; trial++) {
            TestDatabase db = PostgresServer.createDatabase("online_kill");
            List<String> on = args("--url", db.url(), "--migrations", m);
            Cli.run(args("upgrade", "v1", on)).assertOk();
            db.execute(rows);
            boolean down = random.nextBoolean();
            if (down) Cli.run(args("upgrade", "head", on)).assertOk();
            List<String> command = down ? args("downgrade", "v1", on) : args("upgrade", "head", on);
            // half the upgrades meet a report's old snapshot, which CREATE INDEX CONCURRENTLY waits for: killed while it waits
            Connection reader = db.connect();
            if (!down && random.nextBoolean()) holdSnapshot(reader, "region");
            Process p = new ProcessBuilder(cliCommand(command)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("online-kill-" + trial + ".log").toFile()).start();
            try (Connection watch = db.connect(); Statement s = watch.createStatement()) {
                // from the run's first statement on the table, a random moment within an unkilled run's length
                for (int polls = 0; polls < 6000; polls++) {
                    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_stat_activity WHERE application_name = 'diffgen' AND query ILIKE '%customer%'")) {
                        if (rs.next()) break;
                    }
                    Thread.sleep(5);
                }
            }
            Thread.sleep(random.nextInt(upgradeMillis));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            reader.close(); // the killed run's backend may now finish what it started, holding the migration lock till then
            int tracked = Catalogs.trackingRows(db).size();
            if (tracked > 1 && tracked < 8) midway++;
            Cli.Result rerun = Cli.run(command);
            assertEquals(0, rerun.exitCode(), "trial " + trial + " (" + (down ? "downgrade" : "upgrade") + ", " + tracked
                    + " tracking rows after the kill): the rerun finishes\n" + rerun.out() + rerun.err());
            assertEquals(down ? atV1 : atV2, Catalogs.read(db), "trial " + trial + ": the catalog an unkilled run leaves");
            Cli.run(down ? args("upgrade", "head", on) : args("downgrade", "v1", on)).assertOk();
            assertEquals(down ? atV2 : atV1, Catalogs.read(db), "trial " + trial + ": and back again exactly");
            PostgresServer.dropDatabase(db);
        }
        System.out.printf("kill -9 of online forms: %d trials, %d killed inside the revision (between its changesets), all finished by a rerun%n",
                trials, midway);
    }

    /**
     * An index build waits for every older snapshot, even a report's on another table that blocks no
     * one: that wait is bounded by --index-wait, not by --lock-timeout (which bounds the queues behind
     * a table's lock), and the sessions it waits for are named, as old snapshots, not as locks.
     */
    @Test
    void anIndexBuildWaitsForOldSnapshotsUpToTheIndexWaitNamingThem(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("index_wait");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nCREATE TABLE report (id integer);\n"
                        + "--rollback DROP TABLE report;\n--rollback DROP TABLE t;\n",
                "SELECT 1;\n--rollback SELECT 1;\n\n--changeset diffgen:r2.2 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "SET lock_timeout = '10s';\nCREATE INDEX CONCURRENTLY ix_t_v ON t (v);\n--rollback DROP INDEX CONCURRENTLY ix_t_v;\n");
        List<String> on = args("--url", db.url(), "--migrations", m);
        Cli.run(args("upgrade", "r1", on)).assertOk();
        try (Connection reader = db.connect(); Statement r = reader.createStatement()) {
            holdSnapshot(reader, "report");
            int pid;
            try (ResultSet rs = r.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            Thread.sleep(1100);
            Cli.Result gaveUp = Cli.run(args("upgrade", "head", "--lock-timeout", "300ms", "--index-wait", "2s", on));
            assertEquals(6, gaveUp.exitCode(), gaveUp.err());
            String snapshot = "pid " + pid + " (PostgreSQL JDBC Driver, user postgres, idle in transaction, in a transaction for ";
            assertTrue(gaveUp.err().contains("CREATE INDEX CONCURRENTLY ix_t_v ON t (v) waits (up to --index-wait 2s) for 1 older "
                    + "transaction(s) to end: " + snapshot), gaveUp.err());
            assertTrue(gaveUp.err().contains("it waited longer than --index-wait (2s) for older transactions to end: " + snapshot), gaveUp.err());
            assertTrue(gaveUp.err().contains("an old snapshot: it blocks no one, but the build must outlast it"), gaveUp.err());
            assertFalse(gaveUp.err().contains("retry 1"), "the same wait is not tried again:\n" + gaveUp.err());
            assertTrue(Catalogs.read(db).tables().get("t").indexes().isEmpty(), "the INVALID index it left was dropped");

            var release = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                    reader.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Cli.Result waited = Cli.run(args("upgrade", "head", "--lock-timeout", "300ms", on));
            release.join();
            assertEquals(0, waited.exitCode(), "a snapshot older than --lock-timeout is waited for:\n" + waited.err());
        }
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
        String script = Cli.run(args("upgrade", "--sql", "r1:head", "--index-wait", "5min", "--migrations", m)).assertOk().out();
        assertTrue(script.contains("SET lock_timeout = '5min';\nDO $diffgen$"), script);
        assertTrue(script.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_t_v ON t (v);\nSET lock_timeout = '10s';\n"), script);
    }

    /**
     * Progress: each revision as it starts ([1/2], [2/2]), and while an index is built CONCURRENTLY,
     * PostgreSQL's own progress of it (phase and percent of blocks) every --progress-every seconds.
     * The index's expression sleeps a millisecond a row, so that 3,000 rows take a few seconds.
     */
    @Test
    void upgradeTellsEachRevisionAndTheProgressOfALongIndexBuild(@TempDir Path dir) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("progress");
        Path m = migrations(dir,
                "CREATE TABLE t (id integer PRIMARY KEY, v integer);\nINSERT INTO t SELECT g, g FROM generate_series(1, 3000) g;\n"
                        + "--rollback DROP TABLE t;\n",
                "SELECT 1;\n--rollback SELECT 1;\n\n--changeset diffgen:r2.2 logicalFilePath:r2.sql runInTransaction:false splitStatements:false\n"
                        + "CREATE FUNCTION slow(integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.001); RETURN $1; END $$;\n"
                        + "--rollback DROP FUNCTION slow(integer);\n\n"
                        + "--changeset diffgen:r2.3 logicalFilePath:r2.sql runInTransaction:false\n"
                        + "CREATE INDEX CONCURRENTLY ix_t_slow ON t (slow(v));\n--rollback DROP INDEX CONCURRENTLY ix_t_slow;\n");
        Cli.Result r = Cli.run(args("upgrade", "head", "--progress-every", "1", "--url", db.url(), "--migrations", m));
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals("[1/2] Running upgrade  -> r1, step 1", lines.get(0));
        assertTrue(lines.contains("[2/2] Running upgrade r1 -> r2, step 2"), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  CREATE INDEX CONCURRENTLY ix_t_slow ON t \\(slow\\(v\\)\\): building index: "
                + "scanning table, \\d+% \\(\\d+ of \\d+ blocks\\), \\d+ s")), "PostgreSQL's progress of the build:\n" + r.err());
    }

    /** A report's transaction on {@code table}: its snapshot stays open until {@code reader} commits. */
    private static void holdSnapshot(Connection reader, String table) throws Exception {
        reader.setAutoCommit(false);
        try (Statement r = reader.createStatement()) {
            r.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            r.executeQuery("SELECT count(*) FROM " + table).close();
        }
    }

    /** Polls until {@code sql} returns a row (at most 30 s), and returns its first column. */
    private static int waitForQuery(TestDatabase db, String sql) throws Exception {
        for (int i = 0; i < 300; i++) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) return rs.getInt(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never: " + sql);
    }

    @Test
    void theServerGoingAwayMidRunGivesAClearErrorAndARerunCompletes(@TempDir Path dir) throws Exception {
        Path m = slowMigrations(dir, 40);
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = server.getPort();
        List<String> on = args("--url", "postgresql://postgres@localhost:" + port + "/postgres", "--migrations", m);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Cli.Result> run = pool.submit(() -> Cli.run(args("upgrade", "head", on)));
        waitForAppliedRevisions(server, 2);
        server.close();
        Cli.Result r = run.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(r.exitCode() == 4 || r.exitCode() == 6, "a database error: " + r.err());
        List<String> errors = r.err().lines().filter(l -> !l.matches("\\[\\d+/\\d+\\] Running upgrade .*")).toList();
        assertEquals(1, errors.size(), "one error line after the progress lines:\n" + r.err());
        assertTrue(errors.get(0).startsWith("error: upgrade of revision r") && errors.get(0).contains("terminating connection")
                && errors.get(0).contains("the connection is lost; the last revision this run completed is r"), errors.get(0));
        assertFalse(r.err().contains("\tat "), r.err());

        EmbeddedPostgres again = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        try {
            Cli.run(args("upgrade", "head", on)).assertOk();
            assertEquals("r40 (head)\n", Cli.run(args("current", on)).assertOk().out());
        } finally {
            again.close();
        }
    }

    /** Polls the tracking table until the run under test has applied some revisions, so the server stops mid-run. */
    private static void waitForAppliedRevisions(EmbeddedPostgres server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM databasechangelog")) {
                if (rs.next() && rs.getInt(1) >= count) {
                    return;
                }
            } catch (java.sql.SQLException notYet) {
                // the tracking table does not exist yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the upgrade under test never applied " + count + " revisions");
    }

    /** The CLI in a separate JVM, on this test's classpath, so it can be killed. */
    static List<String> cliCommand(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /**
     * A statement that fails on lock_timeout while another session holds the table is rolled back
     * and run again after a pause, saying so; once the other session lets go, the revision applies.
     * statement_timeout is the session's while the run lasts and given back afterwards. Both, typed on
     * the command line, take the place of the values the script sets.
     */
    @Test
    void aChangesetBlockedByAnotherSessionIsRetriedAndAppliesOnceTheLockIsGone(@TempDir Path dir) throws Exception {
        TestDatabase target = io.diffgen.testkit.PostgresServer.createDatabase("lock_retry");
        Path m = migrations(dir, "CREATE TABLE busy (id integer);\n--rollback DROP TABLE busy;\n",
                // as generated: the script sets its own timeouts, which the command line's replace
                "SET lock_timeout = '10s';\nSET statement_timeout = '0';\n"
                        + "ALTER TABLE busy ADD COLUMN note text;\nCREATE TABLE seen AS SELECT current_setting('statement_timeout') AS timeout;\n"
                        + "--rollback DROP TABLE seen;\n--rollback ALTER TABLE busy DROP COLUMN note;\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(Cli.args("upgrade", "r1", on)).assertOk();
        try (java.sql.Connection reader = target.connect()) {
            reader.setAutoCommit(false);
            try (var s = reader.createStatement()) {
                s.execute("SELECT count(*) FROM busy"); // holds ACCESS SHARE until it ends
            }
            var release = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1500);
                    reader.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Cli.Result upgrade = Cli.run(Cli.args("upgrade", "head", "--lock-timeout", "200ms", "--lock-retries", "6",
                    "--statement-timeout", "42s", on));
            release.join();
            assertEquals(0, upgrade.exitCode(), upgrade.out() + upgrade.err());
            assertTrue(upgrade.err().contains("lock_timeout (200ms) in revision r2: another session holds a lock on the table; "
                    + "nothing of the changeset was applied; retry 1 of 6"), upgrade.err());
        }
        assertEquals("r2 (head)\n", Cli.run(Cli.args("current", on)).assertOk().out());
        try (Connection c = target.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT timeout FROM seen")) {
            assertTrue(rs.next());
            assertEquals("42s", rs.getString(1), "the revision ran under --statement-timeout");
        }
    }

    /**
     * The tracking row of a transactional changeset is written before its DDL, online and in --sql:
     * no client round trip, and no Java work, happens while the DDL's ACCESS EXCLUSIVE lock is held.
     * A trigger on the tracking table notes whether this session held that lock when the row came.
     */
    @Test
    void theTrackingRowIsWrittenBeforeTheDdlTakesItsLock(@TempDir Path dir) throws Exception {
        TestDatabase online = PostgresServer.createDatabase("row_first_online");
        TestDatabase offline = PostgresServer.createDatabase("row_first_offline");
        Path m = migrations(dir, "CREATE TABLE busy (id integer);\n--rollback DROP TABLE busy;\n",
                "ALTER TABLE busy ADD COLUMN note text;\n--rollback ALTER TABLE busy DROP COLUMN note;\n");
        String spy = """
                CREATE TABLE lock_at_row (changeset text, exclusive boolean);
                CREATE FUNCTION note_lock() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN
                  INSERT INTO lock_at_row SELECT NEW.id, EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid()
                    AND relation = to_regclass('busy') AND mode = 'AccessExclusiveLock');
                  RETURN NEW; END $f$;
                CREATE TRIGGER note_lock AFTER INSERT ON databasechangelog FOR EACH ROW EXECUTE FUNCTION note_lock();""";
        List<String> on = args("--url", online.url(), "--migrations", m);
        Cli.run(args("upgrade", "r1", on)).assertOk();
        online.execute(spy);
        Cli.run(args("upgrade", "head", on)).assertOk();
        String offlineScript = Cli.run(args("upgrade", "--sql", "r1:head", "--migrations", m)).assertOk().out();
        Cli.run(args("upgrade", "r1", "--url", offline.url(), "--migrations", m)).assertOk();
        offline.execute(spy);
        CommandSetTest.applyScript(offline, offlineScript);
        for (TestDatabase db : List.of(online, offline)) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT changeset, exclusive FROM lock_at_row")) {
                assertTrue(rs.next() && rs.getString(1).equals("r2"), "the row was written");
                assertFalse(rs.getBoolean(2), "the row came before the ALTER TABLE's lock");
            }
        }
    }
}

package io.diffgen;

import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Expand/contract revisions (issue 24) on the user's path: an entity edit that renames a column, widens
 * another with a table rewrite, drops a NOT NULL column and adds one, written with {@code revision
 * --autogenerate --expand-contract}; each phase applied, checked and rolled back to the exact catalog
 * before it, with every row intact; a backfill killed half-way; and the commands refused out of order.
 */
@Tag("postgres")
class ExpandContractTest {
    private static final String V1 = "io.diffgen.expandcontract.v1";
    private static final String V2 = "io.diffgen.expandcontract.v2";

    private record Project(TestDatabase db, Path migrations) {
        static Project at(Path dir, String name, int rows) {
            Project p = new Project(PostgresServer.createDatabase(name), dir.resolve("migrations"));
            p.run("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", "--model-package", V1).assertOk();
            p.run("upgrade").assertOk();
            p.db.execute("INSERT INTO reading (id, counter, label, note, legacy) SELECT n, n * 7, 'label ' || n, "
                    + "CASE WHEN n % 3 = 0 THEN NULL ELSE 'note ' || n END, 'x' FROM generate_series(1, " + rows + ") AS n");
            return p;
        }

        Cli.Result run(String... command) {
            return Cli.run(on(command));
        }

        List<String> on(String... command) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--url", db.url(), "--migrations", migrations.toString()));
            return args;
        }

        /** The pair for V2, with small batches so that even a few thousand rows take several. */
        Cli.Result split(int batch, int pause) {
            return run("revision", "--autogenerate", "--expand-contract", "-m", "v2", "--rev-id", "v2", "--model-package", V2,
                    "--backfill-batch", String.valueOf(batch), "--backfill-pause", String.valueOf(pause));
        }

        SchemaSnapshot tables() {
            return Catalogs.ignoringColumnOrder(Catalogs.read(db));
        }

        String query(String sql) {
            try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            } catch (SQLException e) {
                throw new AssertionError(sql + ": " + e.getMessage(), e);
            }
        }

        List<Path> versions() throws IOException {
            try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
                return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            }
        }
    }

    /** Every row as the old version reads it: id, counter, label, note, legacy. */
    private static final String OLD_ROWS = "SELECT md5(string_agg(id || ':' || counter || ':' || label || ':' || coalesce(note, '-') || ':' "
            + "|| coalesce(legacy, '-'), ',' ORDER BY id)) FROM reading";
    /** The same rows as the new version reads them: id, counter, title, note. */
    private static final String NEW_ROWS = "SELECT md5(string_agg(id || ':' || counter || ':' || title || ':' || coalesce(note, '-'), ',' "
            + "ORDER BY id)) FROM reading";

    @Test
    void eachPhaseAppliesChecksCleanAndRollsBackToTheCatalogBeforeItWithTheRowsIntact(@TempDir Path dir) throws IOException {
        Project p = Project.at(dir, "ec_phases", 3000);
        SchemaSnapshot before = p.tables();
        String oldRows = p.query(OLD_ROWS);
        // a project with database code of its own, which the moves' triggers and functions are not
        Files.createDirectories(p.migrations().resolve("objects"));
        Files.writeString(p.migrations().resolve("objects/functions.sql"), "CREATE FUNCTION one() RETURNS integer LANGUAGE sql AS 'SELECT 1';\n");
        Cli.Result split = p.split(500, 0).assertOk();
        List<Path> scripts = p.versions();
        assertEquals(3, scripts.size(), split.out());
        String expand = Files.readString(scripts.get(1));
        String contract = Files.readString(scripts.get(2));
        assertTrue(expand.contains("-- Revision: v2_expand\n-- Revises: v1\n") && expand.contains("-- Phase: expand\n"), expand);
        assertTrue(contract.contains("-- Revises: v2_expand\n") && contract.contains("-- Phase: contract\n"), contract);
        assertTrue(expand.contains("ALTER TABLE reading ALTER COLUMN legacy DROP NOT NULL"), expand);
        assertTrue(contract.contains("ALTER TABLE reading RENAME COLUMN _dg_new_counter TO counter"), contract);
        assertTrue(contract.contains("WARNING DG009: the downgrade copies reading.counter back into integer; it fails if a value written "
                + "meanwhile does not fit"), contract);
        // legacy dropped (in the contract) and tag added (in the expand) look like a rename: both phases say so
        for (String script : List.of(expand, contract)) {
            assertTrue(script.contains("WARNING DG008: reading.legacy dropped and tag added"), script);
        }

        assertTrue(p.run("preflight").assertOk().out().strip().endsWith("Data checks passed for 1 pending revision(s); contract v2_contract "
                + "comes after the deploy, and 'diffgen contract' checks its data before it changes anything"));

        // expand: the old version's rows are all in the new columns, and both versions can write
        Cli.Result up = p.run("upgrade", "--progress-every", "1").assertOk();
        assertTrue(up.err().contains("Contract v2_contract pending: run 'diffgen contract'"), up.err());
        assertTrue(up.err().contains("backfill reading.title, reading._dg_new_counter: 3000 of 3000 rows (100%)"), up.err());
        assertEquals("3000", p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
        assertTrue(p.run("current").assertOk().out().contains("v2_expand (expanded: contract v2_contract pending"));
        assertEquals("v2_expand -> v2_contract (head) (contract pending), v2 (contract)",
                p.run("history", "-i").assertOk().out().lines().findFirst().orElseThrow());
        assertEquals("Rev: v2_contract (head) (contract pending)", p.run("history", "-i", "--verbose").assertOk().out().lines().findFirst().orElseThrow());
        assertEquals(oldRows, p.query(OLD_ROWS), "the expand leaves the old version's rows as they were");
        SchemaSnapshot expanded = p.tables();
        p.run("downgrade", "-1").assertOk();
        assertEquals(before, p.tables(), "the expand's downgrade restores the catalog");
        assertEquals(oldRows, p.query(OLD_ROWS));
        p.run("upgrade").assertOk();
        assertEquals(expanded, p.tables());
        // check in the expanded state: clean against the new entities (what the contract leaves), not against the old ones
        Cli.Result clean = p.run("check", "--model-package", V2);
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertTrue(clean.err().contains("Contract v2_contract pending: the database is compared with what its revisions made it"), clean.err());
        assertFalse(clean.err().contains("dg_sync"), "no word about the moves' own triggers: " + clean.err());
        assertEquals(1, p.run("check", "--model-package", V1).exitCode(), "the old entities are not what the revisions lead to");
        Cli.Result early = p.run("revision", "--autogenerate", "-m", "next", "--model-package", V2);
        assertEquals(5, early.exitCode(), early.err());
        assertTrue(early.err().contains(": contract v2_contract is pending; run 'diffgen contract' first"), early.err());
        p.db.execute("ALTER TABLE reading DISABLE TRIGGER reading_counter_dg_sync");
        Cli.Result unsynced = p.run("check", "--model-package", V2);
        assertEquals(5, unsynced.exitCode(), unsynced.err());
        assertEquals("error: trigger reading_counter_dg_sync on reading keeps a moved column in step until the pending contract, and it is "
                + "disabled: rows written meanwhile may be out of step; make it as the expand did and fill those rows before the contract",
                unsynced.err().strip());
        p.db.execute("ALTER TABLE reading ENABLE TRIGGER reading_counter_dg_sync");
        // part of the contract done by hand, and a column no revision made: both the database's own
        p.db.execute("ALTER TABLE reading DROP COLUMN legacy", "ALTER TABLE reading ADD COLUMN stray integer");
        Cli.Result drift = p.run("check", "--model-package", V2);
        assertEquals(1, drift.exitCode(), drift.err());
        assertEquals(List.of("New upgrade operations detected:", "  - drop column reading.stray", "  - add column reading.legacy"),
                drift.out().lines().map(line -> line.replaceAll(" \\(.*", "")).toList(), drift.out());
        p.db.execute("ALTER TABLE reading DROP COLUMN stray", "ALTER TABLE reading ADD COLUMN legacy varchar(20)", "UPDATE reading SET legacy = 'x'");
        assertEquals(expanded, p.tables());
        // the window: the old version writes label, the new one title (and no legacy); the trigger fills the other
        p.db.execute("INSERT INTO reading (id, counter, label, note, legacy) VALUES (5001, 1, 'old writer', NULL, 'x')",
                "INSERT INTO reading (id, counter, title, note, tag) VALUES (5002, 2, 'new writer', NULL, 't')",
                "UPDATE reading SET label = 'old edit' WHERE id = 1", "UPDATE reading SET title = 'new edit' WHERE id = 2");
        assertEquals("3002", p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
        String windowRows = p.query(NEW_ROWS);

        // contract: the new version's columns alone, the model's exactly
        p.run("contract").assertOk();
        assertEquals(0, p.run("check", "--model-package", V2).exitCode(), "clean against the new entities after the contract");
        assertEquals(windowRows, p.query(NEW_ROWS), "the contract keeps every row");
        p.run("downgrade", "-1").assertOk();
        assertEquals(expanded, p.tables(), "the contract's downgrade restores the expanded catalog");
        assertEquals("3002", p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
        assertEquals(windowRows, p.query(NEW_ROWS));
        p.run("contract").assertOk();
        assertEquals(0, p.run("check", "--model-package", V2).exitCode());
        assertEquals("No contract pending: nothing to contract", p.run("contract").assertOk().err().strip());

        // a value the old type cannot hold stops the contract's downgrade part-way, as its DG009 said; contract finishes it again
        p.db.execute("INSERT INTO reading (id, counter, title) VALUES (9001, 3000000000, 'too big')");
        Cli.Result tooBig = p.run("downgrade", "-1");
        assertEquals(6, tooBig.exitCode(), tooBig.err());
        assertTrue(tooBig.err().contains("integer out of range"), tooBig.err());
        assertTrue(p.run("current").assertOk().out().contains("v2_contract (head) (partially applied: a later changeset of it did not run; "
                + "'diffgen contract' finishes it)"));
        p.db.execute("DELETE FROM reading WHERE id = 9001");
        p.run("contract").assertOk();
        assertEquals(0, p.run("check", "--model-package", V2).exitCode());
        assertEquals(windowRows, p.query(NEW_ROWS));
    }

    /**
     * kill -9 while the backfill runs: the batches it committed stay, the next upgrade finishes the rest,
     * and no row is written twice (a trigger of the test's own counts every UPDATE of every row; one pass fills
     * both moves' columns).
     */
    @Test
    void aBackfillKilledHalfWayIsFinishedByTheNextUpgradeWritingEachRowOnce(@TempDir Path dir) throws Exception {
        Project p = Project.at(dir, "ec_kill", 20_000);
        p.split(200, 20).assertOk();
        p.db.execute("CREATE TABLE writes (id bigint)", "CREATE FUNCTION count_write() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN INSERT INTO writes VALUES (NEW.id); RETURN NEW; END $$",
                "CREATE TRIGGER count_write AFTER UPDATE ON reading FOR EACH ROW EXECUTE FUNCTION count_write()");
        Process run = new ProcessBuilder(ReliabilityTest.cliCommand(p.on("upgrade"))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.log").toFile()).start();
        int filled = 0;
        for (int polls = 0; polls < 3000 && filled < 2000; polls++) {
            Thread.sleep(10);
            boolean expanded = p.query("SELECT count(*) FROM pg_attribute WHERE attrelid = 'reading'::regclass AND attname = 'title'").equals("1");
            if (expanded) filled = Integer.parseInt(p.query("SELECT count(*) FROM reading WHERE title IS NOT NULL"));
        }
        run.destroyForcibly();
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        int atKill = Integer.parseInt(p.query("SELECT count(*) FROM reading WHERE title IS NOT NULL"));
        assertTrue(atKill >= 2000 && atKill < 20_000, "killed half-way: " + atKill + " rows backfilled");
        p.run("upgrade").assertOk();
        assertEquals("20000", p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
        assertEquals("20000", p.query("SELECT count(*) FROM writes"), "each row written once, by one batch");
        assertEquals("20000", p.query("SELECT count(DISTINCT id) FROM writes"));
    }

    /**
     * The old version keeps inserting while the backfill runs, faster than one row per pause: the
     * backfill still ends (the rows the trigger filled are not its to walk), and every row is in step.
     */
    @Test
    void aBackfillEndsWhileTheOldVersionKeepsInserting(@TempDir Path dir) throws Exception {
        Project p = Project.at(dir, "ec_busy", 2000);
        p.split(200, 20).assertOk();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger inserted = new AtomicInteger();
        Throwable[] failed = new Throwable[1];
        Thread oldVersion = new Thread(() -> {
            try (Connection c = p.db.connect(); Statement s = c.createStatement()) {
                for (int id = 100_000; !stop.get(); id++) {
                    s.execute("INSERT INTO reading (id, counter, label, note, legacy) VALUES (" + id + ", " + id + ", 'old " + id + "', NULL, 'x')");
                    inserted.incrementAndGet();
                    Thread.sleep(2);
                }
            } catch (SQLException | InterruptedException e) {
                failed[0] = e;
            }
        });
        oldVersion.start();
        Process run = new ProcessBuilder(ReliabilityTest.cliCommand(p.on("upgrade"))).redirectErrorStream(true)
                .redirectOutput(dir.resolve("upgrade.log").toFile()).start();
        boolean ended = run.waitFor(60, TimeUnit.SECONDS);
        stop.set(true);
        oldVersion.join();
        if (!ended) run.destroyForcibly().waitFor();
        assertEquals(null, failed[0], "the old version's inserts");
        assertTrue(ended, "the upgrade did not end within 60 s while the old version inserted:\n" + Files.readString(dir.resolve("upgrade.log")));
        assertEquals(0, run.exitValue(), Files.readString(dir.resolve("upgrade.log")));
        assertTrue(inserted.get() > 100, "the old version inserted while the backfill ran: " + inserted.get());
        assertEquals(String.valueOf(2000 + inserted.get()), p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
    }

    /**
     * The contract's downgrade while the application updates other columns: a row whose old column is not
     * refilled yet keeps its value in the new one, and every row comes back whole.
     */
    @Test
    void aContractDowngradeKeepsEveryValueWhileTheApplicationUpdatesOtherColumns(@TempDir Path dir) throws Exception {
        Project p = Project.at(dir, "ec_busy_downgrade", 5000);
        p.split(200, 20).assertOk();
        p.run("upgrade").assertOk();
        p.run("contract").assertOk();
        String values = p.query(String.format(VALUES, "counter"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger updated = new AtomicInteger();
        Throwable[] failed = new Throwable[1];
        Thread application = new Thread(() -> {
            try (Connection c = p.db.connect(); Statement s = c.createStatement()) {
                for (int i = 0; !stop.get(); i++) {
                    s.execute("UPDATE reading SET note = 'busy " + i + "' WHERE id = " + (1 + i * 7919 % 5000));
                    updated.incrementAndGet();
                }
            } catch (SQLException e) {
                failed[0] = e;
            }
        });
        application.start();
        Cli.Result down = p.run("downgrade", "-1");
        stop.set(true);
        application.join();
        assertEquals(null, failed[0], "the application's updates");
        assertEquals(0, down.exitCode(), down.err());
        assertTrue(updated.get() > 100, "the application updated while the downgrade ran: " + updated.get());
        assertEquals("5000", p.query("SELECT count(*) FROM reading WHERE title = label AND _dg_new_counter = counter"));
        assertEquals(values, p.query(String.format(VALUES, "_dg_new_counter")), "every counter and title as before the downgrade");
    }

    /** The moved columns' values, as the new version reads them, with the bigint counter in the column given. */
    private static final String VALUES = "SELECT md5(string_agg(id || ':' || %s || ':' || title, ',' ORDER BY id)) FROM reading";

    @Test
    void outOfOrderPhasesAndAChangeThatCannotBeSplitAreRefusedInOneLine(@TempDir Path dir) throws IOException {
        Project p = Project.at(dir, "ec_refused", 10);
        // a change the split cannot take: counter widened while a new index reads it; nothing is written
        Cli.Result indexed = p.run("revision", "--autogenerate", "--expand-contract", "-m", "v2", "--model-package",
                "io.diffgen.expandcontract.indexed");
        assertEquals(7, indexed.exitCode(), indexed.err());
        assertEquals("error: cannot split into expand and contract: alter column reading.counter: type integer -> bigint: new index "
                + "ix_reading_counter_note uses the column, and a move to a new column does not carry them yet; write it in a revision "
                + "without --expand-contract", indexed.err().strip());
        assertEquals(1, p.versions().size(), "no revision written");

        p.split(1000, 0).assertOk();
        Cli.Result early = p.run("contract");
        assertEquals(7, early.exitCode(), early.err());
        assertEquals("error: cannot contract v2_contract before its expand v2_expand has run to the end: run 'diffgen upgrade' before "
                + "the deploy, deploy, then 'diffgen contract'", early.err().strip());
        p.run("upgrade").assertOk();
        // the next deploy's revision on top: its expand may not start while this contract is pending
        p.run("revision", "-m", "next", "--rev-id", "v3").assertOk();
        Cli.Result twice = p.run("upgrade");
        assertEquals(7, twice.exitCode(), twice.err());
        assertTrue(twice.err().strip().startsWith("error: cannot upgrade to v3: it comes after contract v2_contract, which has not run"),
                twice.err());
        assertEquals(1, twice.err().strip().lines().count(), twice.err());
        assertTrue(p.run("current").assertOk().out().startsWith("v2_expand "), "nothing ran");
        // a row the backfill missed (written with the trigger off): the contract stops before it changes anything
        SchemaSnapshot expanded = p.tables();
        p.db.execute("ALTER TABLE reading DISABLE TRIGGER USER", "UPDATE reading SET _dg_new_counter = NULL WHERE id = 7",
                "ALTER TABLE reading ENABLE TRIGGER USER");
        Cli.Result missed = p.run("contract");
        assertEquals(6, missed.exitCode(), missed.err());
        assertTrue(missed.err().contains("stopped before it changed anything") && missed.err().contains("reading.counter NOT NULL"), missed.err());
        assertEquals(expanded, p.tables(), "nothing of the contract ran");
        p.db.execute("UPDATE reading SET _dg_new_counter = counter WHERE id = 7");
        p.run("contract").assertOk();
        p.run("upgrade").assertOk();
        assertTrue(p.run("current").assertOk().out().startsWith("v3 (head)"));
    }
}

package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.api.MigrationStatus;
import io.diffgen.api.Migrator;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Alembic command set on real PostgreSQL, on PixCrawler's migrations and on small hand-made graphs. */
@Tag("postgres")
class CommandSetTest {
    private static final Path PIXCRAWLER = Path.of("../migrations");

    @Test
    void branchIsRefusedByUpgradeHeadUntilMerged(@TempDir Path work) {
        TestDatabase db = PostgresServer.createDatabase("branch");
        List<String> on = args("--url", db.url(), "--migrations", work.resolve("migrations"));
        Cli.run(args("revision", "-m", "root", "--rev-id", "a1", on)).assertOk();
        Cli.run(args("revision", "-m", "left", "--rev-id", "b1", on)).assertOk();
        Cli.Result notHead = Cli.run(args("revision", "-m", "right", "--rev-id", "c1", "--head", "a1", on));
        assertEquals(2, notHead.exitCode());
        assertTrue(notHead.err().contains("a1 is not a head; add --splice"), notHead.err());
        Cli.run(args("revision", "-m", "right", "--rev-id", "c1", "--head", "a1", "--splice", on)).assertOk();
        assertEquals("b1 (head)\nc1 (head)\n", Cli.run(args("heads", on)).assertOk().out());

        Cli.Result refused = Cli.run(args("upgrade", "head", on));
        assertEquals(5, refused.exitCode());
        assertTrue(refused.err().startsWith("error: multiple heads (b1, c1)") && refused.err().contains("merge"), refused.err());
        assertEquals("", Cli.run(args("current", on)).assertOk().out(), "nothing was applied");

        Cli.run(args("upgrade", "heads", on)).assertOk();
        assertEquals("b1 (head)\nc1 (head)\n", Cli.run(args("current", on)).assertOk().out());
        Cli.run(args("merge", "heads", "-m", "join", "--rev-id", "m1", on)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("m1 (head)\n", Cli.run(args("current", on)).assertOk().out());
        String history = Cli.run(args("history", on)).assertOk().out();
        assertEquals("b1, c1 -> m1 (head) (mergepoint), join\na1 -> c1, right\na1 -> b1, left\n<base> -> a1 (branchpoint), root\n", history);
        Cli.run(args("downgrade", "b1", on)).assertOk();
        assertEquals("b1\n", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void stampMovesTheVersionWithoutRunningAnything(@TempDir Path work) throws Exception {
        TestDatabase db = PostgresServer.createDatabase("stamp");
        List<String> on = args("--url", db.url(), "--migrations", PIXCRAWLER);
        Cli.run(args("stamp", "head", on)).assertOk();
        String head = Cli.run(args("heads", on)).assertOk().out().replace(" (head)\n", "");
        assertEquals(head + " (head)\n", Cli.run(args("current", on)).assertOk().out());
        assertTrue(Catalogs.read(db).tables().isEmpty(), "stamp runs no statement");
        Cli.run(args("stamp", "dbb5", on)).assertOk();
        assertEquals("dbb569f91cf5\n", Cli.run(args("current", on)).assertOk().out());
        Cli.run(args("stamp", "base", on)).assertOk();
        assertEquals("", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void aRevisionEditedAfterItWasAppliedIsRefused(@TempDir Path work) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("tamper");
        Path migrations = work.resolve("migrations");
        List<String> on = args("--url", db.url(), "--migrations", migrations);
        Cli.run(args("revision", "-m", "first", "--rev-id", "t1", on)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        Path script;
        try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
            script = files.findFirst().orElseThrow();
        }
        Files.writeString(script, Files.readString(script).replace("SELECT 1", "SELECT 2"));
        Cli.run(args("revision", "-m", "second", "--rev-id", "t2", on)).assertOk();
        Cli.Result result = Cli.run(args("upgrade", "head", on));
        assertEquals(5, result.exitCode());
        assertTrue(result.err().contains("revision t1 (" + script.getFileName() + ") was edited after it was applied"), result.err());
        assertEquals("t1\n", Cli.run(args("current", on)).assertOk().out(), "the next revision was not applied");
    }

    @Test
    void sqlScriptAppliedByAnotherClientEqualsUpgrade() throws Exception {
        TestDatabase byUpgrade = PostgresServer.createDatabase("by_upgrade");
        TestDatabase byScript = PostgresServer.createDatabase("by_script");
        Cli.run(args("upgrade", "head", "--url", byUpgrade.url(), "--migrations", PIXCRAWLER)).assertOk();
        String script = Cli.run(args("upgrade", "--sql", "head", "--migrations", PIXCRAWLER)).assertOk().out();
        assertFalse(script.contains("postgres:postgres"), "no credentials in the script");
        applyScript(byScript, script);
        assertEquals(Catalogs.read(byUpgrade), Catalogs.read(byScript));
        List<String> on = args("--url", byScript.url(), "--migrations", PIXCRAWLER);
        assertEquals(Cli.run(args("heads", on)).out(), Cli.run(args("current", on)).assertOk().out(), "current agrees with the script");
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals(Catalogs.read(byUpgrade), Catalogs.read(byScript), "a later upgrade sees nothing left to do");

        String down = Cli.run(args("downgrade", "--sql", "head:base", "--migrations", PIXCRAWLER)).assertOk().out();
        applyScript(byScript, down);
        assertTrue(Catalogs.read(byScript).tables().isEmpty());
        assertEquals("", Cli.run(args("current", on)).assertOk().out());
        Cli.Result noRange = Cli.run(args("downgrade", "--sql", "base", "--migrations", PIXCRAWLER));
        assertEquals(2, noRange.exitCode());
        assertTrue(noRange.err().contains("FROM:TO"), noRange.err());
    }

    @Test
    void stockLiquibaseUpdateOnTheMasterChangelogEqualsUpgrade() throws Exception {
        TestDatabase byUpgrade = PostgresServer.createDatabase("lb_upgrade");
        TestDatabase byLiquibase = PostgresServer.createDatabase("lb_stock");
        Cli.run(args("upgrade", "head", "--url", byUpgrade.url(), "--migrations", PIXCRAWLER)).assertOk();
        try (Connection c = byLiquibase.connect()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase("changelog.xml", new DirectoryResourceAccessor(PIXCRAWLER), database).update("");
        }
        assertEquals(Catalogs.read(byUpgrade), Catalogs.read(byLiquibase));
        List<String> on = args("--url", byLiquibase.url(), "--migrations", PIXCRAWLER);
        assertEquals(Cli.run(args("heads", on)).out(), Cli.run(args("current", on)).assertOk().out());
        Cli.Result again = Cli.run(args("upgrade", "head", on)).assertOk();
        assertTrue(again.err().contains("nothing to upgrade"), again.err());
    }

    @Test
    void concurrentUpgradersApplyEachRevisionOnce() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("concurrent");
        List<String> on = args("--url", db.url(), "--migrations", PIXCRAWLER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Cli.Result>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> Cli.run(args("upgrade", "head", on))));
        }
        for (Future<Cli.Result> run : runs) {
            run.get().assertOk();
        }
        pool.shutdown();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM databasechangelog")) {
            rs.next();
            // "Validated 9 revision(s), 17 changeset(s), ...": an online form's steps are changesets of their own
            java.util.regex.Matcher validated = java.util.regex.Pattern.compile("(\\d+) changeset\\(s\\)")
                    .matcher(Cli.run(args("validate", "--offline", "--migrations", PIXCRAWLER)).assertOk().out());
            assertTrue(validated.find());
            int changesets = Integer.parseInt(validated.group(1));
            assertEquals(changesets, rs.getInt(1), "one row per changeset");
            assertEquals(changesets, rs.getInt(2));
        }
    }

    /**
     * A pool sets its connections up (here with timeouts of its own, as connectionInitSql would); the
     * Migrator gives the connection back with those settings, not the server's defaults.
     */
    @Test
    void migratorGivesAPooledConnectionItsTimeoutsBack() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("api_pooled");
        try (Connection pooled = db.connect()) {
            try (Statement s = pooled.createStatement()) {
                s.execute("SET lock_timeout = '7s'");
                s.execute("SET statement_timeout = '8s'");
            }
            Connection lent = (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, arguments) -> method.getName().equals("close") ? null
                            : method.invoke(pooled, arguments));
            PGSimpleDataSource pool = new PGSimpleDataSource() {
                @Override
                public Connection getConnection() {
                    return lent;
                }
            };
            Migrator.forMigrations(PIXCRAWLER).ensureMigrated(pool);
            try (Statement s = pooled.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
                rs.next();
                assertEquals("7s", rs.getString(1));
                assertEquals("8s", rs.getString(2));
            }
        }
    }

    @Test
    void migratorApiUpgradesAndReportsStatus() {
        TestDatabase db = PostgresServer.createDatabase("api");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        Migrator migrator = Migrator.forMigrations(PIXCRAWLER);
        MigrationStatus before = migrator.status(ds);
        assertFalse(before.upToDate());
        assertEquals(List.of(), before.current());
        List<String> seen = new ArrayList<>();
        List<String> applied = migrator.onApplied(r -> seen.add(r.revision())).ensureMigrated(ds);
        assertEquals(applied, seen, "the callback sees every applied revision, in order");
        assertEquals(before.pending(), applied);
        MigrationStatus after = migrator.status(ds);
        assertTrue(after.upToDate());
        assertEquals("{\"current\":[\"" + after.heads().get(0) + "\"],\"heads\":[\"" + after.heads().get(0)
                + "\"],\"pending\":[],\"upToDate\":true,\"ahead\":[],\"contractPending\":[]}", after.toJson());
    }

    /**
     * An older checkout (or an application rolled back one version) on a database the newer one
     * migrated: the API starts on it without migrating and reports the newer revisions, refuses where
     * told to, and the CLI names the revision the database is really at. A revision file missing from
     * the middle is another case, and said as such.
     */
    @Test
    void anOlderFolderOnADatabaseANewerOneMigrated(@TempDir Path dir) throws IOException {
        TestDatabase db = PostgresServer.createDatabase("newer");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        Migrator.forMigrations(PIXCRAWLER).ensureMigrated(ds);
        List<Path> files;
        try (Stream<Path> all = Files.list(PIXCRAWLER.resolve("versions"))) {
            files = all.sorted().toList();
        }
        Path older = dir.resolve("older");
        Files.createDirectories(older.resolve("versions"));
        for (Path f : files.subList(0, files.size() - 2)) Files.copy(f, older.resolve("versions").resolve(f.getFileName()));
        List<String> newestFirst = Cli.run(args("history", "--migrations", PIXCRAWLER.toString())).out().lines().limit(2)
                .map(l -> l.substring(l.indexOf(" -> ") + 4).split("[ ,]")[0]).toList();
        List<String> newer = List.of(newestFirst.get(1), newestFirst.get(0));

        Migrator migrator = Migrator.forMigrations(older);
        assertEquals(newer, migrator.newerRevisions(ds), "oldest first");
        MigrationStatus status = migrator.status(ds);
        assertTrue(status.upToDate(), "nothing for this version to apply");
        assertEquals(newer, status.ahead());
        assertEquals(List.of(newer.get(1)), status.current(), "the revision the database is at");
        assertEquals(List.of(), migrator.ensureMigrated(ds));
        migrator.validateAtHead(ds);
        DiffgenException refused = org.junit.jupiter.api.Assertions.assertThrows(DiffgenException.class,
                () -> migrator.refusingNewerDatabase(true).ensureMigrated(ds));
        assertEquals("the database is at revision " + newer.get(1) + ", which a newer version of the migrations applied after every revision in "
                + older.resolve("versions") + " (2 revision(s) ahead: " + String.join(", ", newer) + ")", refused.getMessage());
        List<String> states = migrator.revisions(ds).stream().map(r -> r.revision() + " " + r.state()).toList();
        assertEquals(List.of(newer.get(0) + " FUTURE", newer.get(1) + " FUTURE"), states.subList(states.size() - 2, states.size()));

        Cli.Result upgrade = Cli.run(args("upgrade", "head", "--url", db.url(), "--migrations", older.toString()));
        assertEquals(5, upgrade.exitCode(), upgrade.err());
        assertEquals("error: the database is at revision " + newer.get(1) + " (and before it " + newer.get(0) + "), newer than every revision in "
                + older.resolve("versions") + ": a newer version of the migrations ran on it (use those), or the file is gone (restore it, or "
                + "record where the database really is with 'stamp --purge REVISION')\n", upgrade.err());
        Cli.Result cliStatus = Cli.run(args("status", "--url", db.url(), "--migrations", older.toString()));
        assertEquals(0, cliStatus.exitCode(), cliStatus.err());
        assertTrue(cliStatus.out().endsWith("ahead:   " + String.join(", ", newer) + " (applied by a newer version of the migrations; not in "
                + older.resolve("versions") + ")\nahead of these migrations\n"), cliStatus.out());

        // the folder has a revision of its own the database lacks: not ahead, and the error says so
        Cli.run(args("revision", "-m", "elsewhere", "--migrations", older.toString())).assertOk();
        Cli.Result missing = Cli.run(args("current", "--url", db.url(), "--migrations", older.toString()));
        assertEquals(5, missing.exitCode(), missing.err());
        assertTrue(missing.err().startsWith("error: the database has applied revision " + newer.get(1) + " (and before it " + newer.get(0)
                + "), which is not in " + older.resolve("versions") + " (a revision file is missing?)"), missing.err());
    }

    @Test
    void optionsMayComeBeforeOrAfterTheCommand() {
        TestDatabase db = PostgresServer.createDatabase("option_order");
        Cli.Result after = Cli.run("heads", "--migrations", PIXCRAWLER.toString()).assertOk();
        Cli.Result before = Cli.run("--migrations", PIXCRAWLER.toString(), "heads").assertOk();
        assertEquals(after.out(), before.out());
        Cli.run("--url", db.url(), "--migrations", PIXCRAWLER.toString(), "upgrade", "dbb5").assertOk();
        assertEquals("dbb569f91cf5\n", Cli.run("current", "--migrations", PIXCRAWLER.toString(), "--url", db.url()).assertOk().out());
    }

    @Test
    void downgradeWithoutTargetIsRefused() {
        Cli.Result result = Cli.run("downgrade", "--migrations", PIXCRAWLER.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Missing required parameter: 'TARGET'"), result.err());
    }

    /**
     * --sql and the online run agree on what the user did not write: the session's timeouts, and a
     * message longer than the tracking table's comments column (cut as Liquibase cuts it online). A
     * dollar-quoted function, split at its semicolons online, is refused by both alike.
     */
    @Test
    void theSqlScriptAndTheOnlineRunAgree(@TempDir Path dir) throws Exception {
        Path versions = dir.resolve("migrations/versions");
        Files.createDirectories(versions);
        String message = "long ".repeat(80).strip();
        Files.writeString(versions.resolve("20260101_000000_l1_long.sql"), "--liquibase formatted sql\n-- Revision: l1\n-- Revises: \n"
                + "-- Message: " + message + "\n\n--changeset diffgen:l1\n--comment: " + message + "\nCREATE TABLE long_t (id integer);\n"
                + "--rollback DROP TABLE long_t;\n");
        TestDatabase offline = PostgresServer.createDatabase("agree_offline");
        TestDatabase online = PostgresServer.createDatabase("agree_online");
        List<String> m = List.of("--migrations", dir.resolve("migrations").toString());
        String script = Cli.run(args("upgrade", "head", "--sql", "--lock-timeout", "5s", m)).assertOk().out();
        assertTrue(script.startsWith("-- diffgen upgrade head\n\nSET lock_timeout = '5s';\nSET statement_timeout = '0';\n"), script);
        applyScript(offline, script);
        Cli.run(args("upgrade", "head", "--url", online.url(), m)).assertOk();
        java.util.function.Function<TestDatabase, List<String>> comments = db -> Catalogs.trackingRows(db).stream()
                .map(r -> r.split("\\|")[6]).toList();
        assertEquals(comments.apply(online), comments.apply(offline));
        assertEquals(250, comments.apply(offline).get(0).length());

        Files.writeString(versions.resolve("20260102_000000_f1_fn.sql"), "--liquibase formatted sql\n-- Revision: f1\n-- Revises: l1\n"
                + "-- Message: m\n\n--changeset diffgen:f1\nCREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.id := 1; RETURN NEW; END $$ "
                + "LANGUAGE plpgsql;\n--rollback DROP FUNCTION touch();\n");
        String refused = "changeset f1 has a dollar-quoted body ($$ ... $$), which Liquibase would split at its semicolons: add "
                + "splitStatements:false to its --changeset line";
        for (Cli.Result r : List.of(Cli.run(args("validate", "--offline", m)), Cli.run(args("upgrade", "head", "--sql", m)),
                Cli.run(args("upgrade", "head", "--url", online.url(), m)))) {
            assertEquals(5, r.exitCode(), r.err());
            assertTrue(r.err().contains(refused), r.err());
        }
        Path fn = versions.resolve("20260102_000000_f1_fn.sql");
        Files.writeString(fn, Files.readString(fn).replace("--changeset diffgen:f1\n", "--changeset diffgen:f1 splitStatements:false\n"));
        Cli.run(args("upgrade", "head", "--url", online.url(), m)).assertOk();
        applyScript(offline, Cli.run(args("upgrade", "l1:head", "--sql", m)).assertOk().out());
        assertEquals(Catalogs.read(online), Catalogs.read(offline));
    }

    /** With psql when the machine has it, as a user would; otherwise as one multi-statement string. */
    static void applyScript(TestDatabase db, String script) throws Exception {
        Path psql = Path.of("/usr/bin/psql");
        if (Files.isExecutable(psql)) {
            Path file = Files.createTempFile("diffgen", ".sql");
            Files.writeString(file, script);
            Process p = new ProcessBuilder(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", db.host(), "-p",
                    Integer.toString(db.port()), "-U", db.user(), "-d", db.name(), "-f", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), "psql failed:\n" + output);
            Files.delete(file);
        } else {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute(script);
            }
        }
    }
}

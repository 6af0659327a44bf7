package io.diffgen.process;

import io.diffgen.Catalogs;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar as users run it: a real JVM, a real shell, a real psql. */
@Tag("process")
class PackagedJarIT {
    @TempDir
    static Path work;

    static String head;
    static String firstRevision;

    @BeforeAll
    static void readTheGraph() {
        head = Jar.run(work, List.of("heads", "--migrations", Jar.MIGRATIONS.toString())).assertOk().out().strip()
                .replace(" (head)", "");
        List<String> history = Jar.run(work, List.of("history", "--migrations", Jar.MIGRATIONS.toString())).assertOk()
                .out().lines().toList();
        // oldest last: "<base> -> <rev>, <message>"
        String oldest = history.get(history.size() - 1);
        firstRevision = oldest.substring(oldest.indexOf("-> ") + 3, oldest.indexOf(','));
    }

    private static List<String> migrations() {
        return List.of("--migrations", Jar.MIGRATIONS.toString());
    }

    private static List<String> model() {
        return List.of("--model-classpath", Jar.MODEL_CLASSES.toString(), "--model-package", "io.pixcrawler.model");
    }

    /** Copied alone, the jar says in one line what it needs; copied with its lib/ folder, it runs from anywhere. */
    @Test
    void theJarCopiedWithoutItsLibFolderSaysSoAndWithItRuns(@TempDir Path elsewhere) throws Exception {
        Path alone = elsewhere.resolve("alone");
        Files.createDirectories(alone);
        Files.copy(Jar.JAR, alone.resolve("diffgen.jar"));
        Process p = new ProcessBuilder(Jar.JAVA, "-jar", alone.resolve("diffgen.jar").toString(), "--version").start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(2, p.waitFor(), err);
        assertEquals("error: diffgen.jar runs with the lib/ folder that is built beside it, and " + alone.resolve("lib")
                + " is missing or incomplete: copy diffgen.jar together with its lib/ folder (or unpack diffgen-dist.zip from 'make dist')\n", err);

        Path copied = elsewhere.resolve("with-lib");
        Files.createDirectories(copied.resolve("lib"));
        Files.copy(Jar.JAR, copied.resolve("diffgen.jar"));
        try (var libs = Files.list(Jar.JAR.resolveSibling("lib"))) {
            for (Path lib : libs.toList()) Files.createSymbolicLink(copied.resolve("lib").resolve(lib.getFileName()), lib);
        }
        Process q = new ProcessBuilder(Jar.JAVA, "-jar", copied.resolve("diffgen.jar").toString(), "heads", "--migrations",
                Jar.MIGRATIONS.toString()).start();
        String out = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor(), new String(q.getErrorStream().readAllBytes()));
        assertEquals(head + " (head)\n", out);
    }

    @Test
    void offlineUpgradeThroughPsqlLeavesWhatTheOnlineUpgradeLeaves() throws Exception {
        TestDatabase offline = PostgresServer.createDatabase("offline_upgrade");
        TestDatabase online = PostgresServer.createDatabase("online_upgrade");
        Map<String, String> env = Map.of("MIGRATIONS", Jar.MIGRATIONS.toString(), "URL", offline.url());

        Jar.Result piped = Jar.shell(work, env,
                "$DIFFGEN upgrade head --sql --migrations \"$MIGRATIONS\" | psql -X -q -v ON_ERROR_STOP=1 \"$URL\"");
        assertEquals(0, piped.exitCode(), "the pipeline failed:\n" + piped.err());
        Jar.run(work, args("upgrade", "head", "--url", online.url(), migrations())).assertOk();

        assertEquals(Catalogs.read(online), Catalogs.read(offline), "the same catalog");
        assertEquals(Catalogs.trackingRows(online), Catalogs.trackingRows(offline), "the same DATABASECHANGELOG rows");
        assertEquals(head + " (head)\n", Jar.run(work, args("current", "--url", offline.url(), migrations())).assertOk().out());
        Jar.Result check = Jar.run(work, args("check", "--url", offline.url(), migrations(), model()));
        assertEquals(0, check.exitCode(), "check is clean after the offline upgrade:\n" + check.out() + check.err());
        Jar.Result again = Jar.run(work, args("upgrade", "head", "--url", offline.url(), migrations())).assertOk();
        assertTrue(again.err().contains("nothing to upgrade"), again.err());

        Jar.Result down = Jar.shell(work, env,
                "$DIFFGEN downgrade head:base --sql --migrations \"$MIGRATIONS\" | psql -X -q -v ON_ERROR_STOP=1 \"$URL\"");
        assertEquals(0, down.exitCode(), "the downgrade pipeline failed:\n" + down.err());
        assertTrue(Catalogs.read(offline).tables().isEmpty(), "the downgrade script empties the schema");
        assertEquals("", Jar.run(work, args("current", "--url", offline.url(), migrations())).assertOk().out());
    }

    /**
     * The jar reads a model with the model's own Hibernate when its classpath has one, else with the
     * one it bundles (unpacked once into the user's cache), and says which; the same entities give the
     * same clean check either way.
     */
    @Test
    void theModelsOwnHibernateReadsItElseTheBundledOne(@TempDir Path cache) {
        TestDatabase db = PostgresServer.createDatabase("which_hibernate");
        Path realWorld = Path.of("target", "real-world-models").toAbsolutePath();
        Path testClasses = Path.of("target", "test-classes").toAbsolutePath();
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        List<String> on = args("--url", db.url(), "--migrations", work.resolve("which").toString(),
                "--model-package", "io.diffgen.corpus.c01_add_nullable_column.v1");
        Jar.run(work, env, args("revision", "--autogenerate", "-m", "one table", "--model-classpath", testClasses.toString(), on)).assertOk();
        Jar.run(work, env, args("upgrade", "head", on)).assertOk();
        for (String[] hibernate : new String[][] {
                {"", "Hibernate ORM 7.4.16.Final (bundled with diffgen)"},
                {realWorld.resolve("hibernate-core-6.6.jar") + java.io.File.pathSeparator, "Hibernate ORM 6.6.56.Final (the model's)"},
                {realWorld.resolve("hibernate-core-7.2.jar") + java.io.File.pathSeparator, "Hibernate ORM 7.2.19.Final (the model's)"}}) {
            Jar.Result check = Jar.run(work, env, args("check", "--timing", "--model-classpath", hibernate[0] + testClasses, on));
            assertEquals(0, check.exitCode(), check.out() + check.err());
            assertTrue(check.err().contains(hibernate[1]), "the timing line names " + hibernate[1] + ":\n" + check.err());
        }
    }

    @Test
    void everyByteOfALongScriptReachesStdout() {
        Jar.Result result = Jar.run(work, args("upgrade", "head", "--sql", migrations())).assertOk();
        assertTrue(result.out().length() > 16_384, "longer than any stdio buffer: " + result.out().length());
        assertTrue(result.out().endsWith("COMMIT;\n"), "ends with the last revision's COMMIT:\n..."
                + result.out().substring(Math.max(0, result.out().length() - 200)));
        long inserts = result.out().lines().filter(l -> l.startsWith("INSERT INTO databasechangelog")).count();
        // "Validated 9 revision(s), 17 changeset(s), ...": an online form's steps are changesets of their own
        java.util.regex.Matcher validated = java.util.regex.Pattern.compile("(\\d+) changeset\\(s\\)")
                .matcher(Jar.run(work, args("validate", "--offline", migrations())).assertOk().out());
        assertTrue(validated.find());
        assertEquals(Long.parseLong(validated.group(1)), inserts, "one tracking row per changeset");
        assertEquals("", result.err());
    }

    @Test
    void versionNamesTheJarsBuildAndWhatItRunsOn() {
        Jar.Result result = Jar.run(work, List.of("--version")).assertOk();
        List<String> lines = result.out().lines().toList();
        assertEquals("diffgen " + System.getProperty("diffgen.version"), lines.get(0), result.out());
        assertEquals("Hibernate ORM: the model's own (Hibernate ORM 6.6.x and 7.0 to 7.4), else the bundled 7.4.16.Final", lines.get(1));
        assertTrue(lines.get(2).startsWith("Liquibase 4.31"), result.out());
    }

    @Test
    void aBadOptionPointsToAHelpThatWorks() {
        Jar.Result bad = Jar.run(work, List.of("upgrade", "--bogus"));
        assertEquals(2, bad.exitCode());
        assertEquals(List.of("error: Unknown option: '--bogus'", "(see 'diffgen upgrade --help')"), bad.err().lines().toList());
        Jar.Result help = Jar.run(work, List.of("upgrade", "--help")).assertOk();
        assertTrue(help.out().startsWith("Usage: diffgen upgrade "), help.out());
    }

    @Test
    void shortScriptsAreNotLost() {
        Jar.Result one = Jar.run(work, args("upgrade", firstRevision, "--sql", migrations())).assertOk();
        assertTrue(one.out().contains("CREATE TABLE") && one.out().endsWith("COMMIT;\n"), one.out());
        Jar.Result down = Jar.run(work, args("downgrade", "head:base", "--sql", migrations())).assertOk();
        assertTrue(down.out().contains("DROP TABLE") && down.out().endsWith("COMMIT;\n"), down.out());
    }

    @Test
    void aFailedConnectionIsOneErrorLineOnStderrWithoutThePassword() {
        Jar.Result result = Jar.run(work, args("current", "--url", "postgresql://someone:s3cr3t-pw@127.0.0.1:1/nowhere", migrations()));
        assertTrue(result.exitCode() != 0, "non-zero exit");
        assertEquals("", result.out());
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result.err());
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        assertFalse(result.err().contains("s3cr3t"), "the password is not printed: " + result.err());
    }

    @Test
    void checkWithDifferencesExitsOneAndListsThemOnStdout() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("drifted");
        Jar.run(work, args("upgrade", "head", "--url", db.url(), migrations())).assertOk();
        db.execute("ALTER TABLE projects ADD COLUMN stray integer");
        Jar.Result check = Jar.run(work, args("check", "--url", db.url(), migrations(), model()));
        assertEquals(1, check.exitCode(), check.err());
        assertTrue(check.out().contains("stray"), "the difference is listed:\n" + check.out() + "\nstderr:\n" + check.err());
    }

    @Test
    void defaultsComeFromDiffgenPropertiesInTheWorkingDirectory(@TempDir Path project) throws Exception {
        Jar.Result without = Jar.run(project, List.of("heads"));
        assertTrue(without.exitCode() != 0, "no migrations folder here");
        assertEquals(1, without.err().lines().count(), without.err());
        assertTrue(without.err().startsWith("error: "), without.err());

        Files.writeString(project.resolve("diffgen.properties"), "migrations = " + Jar.MIGRATIONS + "\n");
        assertEquals(head + " (head)\n", Jar.run(project, List.of("heads")).assertOk().out());
    }

    @Test
    void databaseUrlFromTheEnvironmentIsUsed() {
        TestDatabase db = PostgresServer.createDatabase("from_env");
        Jar.run(work, Map.of("DATABASE_URL", db.url()), args("upgrade", firstRevision, migrations())).assertOk();
        assertEquals(firstRevision + "\n", Jar.run(work, Map.of("DATABASE_URL", db.url()), args("current", migrations())).assertOk().out());
    }
}

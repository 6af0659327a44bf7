package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input ends in a clear error: one short {@code error:} line on stderr naming what is wrong, no
 * stack trace, a non-zero exit code, no password anywhere, and nothing changed on disk or in the database.
 */
@Tag("postgres")
class BadInputTest {
    private static final String SECRET = "s3cr3t-Pa55";
    private static TestDatabase db;
    private static Path pixcrawler = Path.of("../migrations");

    @BeforeAll
    static void database() {
        db = PostgresServer.createDatabase("bad_input");
    }

    /**
     * Exit code, a fragment of the message, one or two lines, no stack trace, no password. Progress
     * lines before it ({@code [1/2] Running upgrade ...}, said as each revision starts) are not the error.
     */
    static Cli.Result assertCleanError(Cli.Result r, int exitCode, String fragment) {
        String all = r.out() + r.err();
        String error = r.err().replaceAll("(?m)^\\[\\d+/\\d+\\] Running (upgrade|downgrade) .*\n", "");
        assertEquals(exitCode, r.exitCode(), "exit code; output:\n" + all);
        assertTrue(error.startsWith("error: "), "starts with 'error: ':\n" + r.err());
        assertTrue(error.contains(fragment), "names the problem ('" + fragment + "'):\n" + r.err());
        assertTrue(error.strip().lines().count() <= 2, "one or two lines:\n" + r.err());
        assertFalse(all.contains("\tat ") || all.contains("Exception:"), "no stack trace:\n" + all);
        assertFalse(all.contains(SECRET), "the password never appears:\n" + all);
        return r;
    }

    private static Path migrations(Path dir, String... scripts) throws IOException {
        Path versions = dir.resolve("migrations/versions");
        Files.createDirectories(versions);
        for (int i = 0; i < scripts.length; i++) {
            Files.writeString(versions.resolve(String.format("2026010%d_000000_script.sql", i)), scripts[i]);
        }
        return dir.resolve("migrations");
    }

    private static String script(String id, String revises) {
        return "--liquibase formatted sql\n-- Revision: " + id + "\n-- Revises: " + revises + "\n-- Message: m\n\n"
                + "--changeset diffgen:" + id + "\nSELECT 1;\n--rollback SELECT 1;\n";
    }

    private static List<Path> files(Path migrations) throws IOException {
        try (Stream<Path> s = Files.list(migrations.resolve("versions"))) {
            return s.sorted().toList();
        }
    }

    // revisions and graphs

    @Test
    void unknownRevision() {
        assertCleanError(Cli.run("show", "zzzz", "--migrations", pixcrawler.toString()), 5, "no revision matches 'zzzz'");
    }

    @Test
    void ambiguousPrefix(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("ab1", ""), script("ab2", "ab1"));
        assertCleanError(Cli.run("show", "ab", "--migrations", m.toString()), 5, "revision prefix 'ab' is ambiguous: ab1, ab2");
    }

    @Test
    void missingRevisionArgument() {
        assertCleanError(Cli.run("show", "--migrations", pixcrawler.toString()), 2, "Missing required parameter: 'REV'");
    }

    @Test
    void cycle(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("r1", "r2"), script("r2", "r1"));
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5, "revisions form a cycle");
    }

    @Test
    void duplicateId(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("d1", ""), script("d1", ""));
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5,
                "revision id d1 is used twice: 20260100_000000_script.sql and 20260101_000000_script.sql");
    }

    @Test
    void missingParent(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("p1", "gone"));
        assertCleanError(Cli.run("history", "--migrations", m.toString()), 5,
                "revision p1 (20260100_000000_script.sql) revises gone, which does not exist");
    }

    @Test
    void malformedHeader(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revises: \n--changeset diffgen:x\nSELECT 1;\n");
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5,
                "20260100_000000_script.sql: malformed header: missing or invalid '-- Revision:' line");
    }

    @Test
    void notARevisionScript(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, "CREATE TABLE x (id int);\n");
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5, "20260100_000000_script.sql: not a revision script");
    }

    @Test
    void notUtf8(@TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        Files.write(m.resolve("versions/20260100_000000_latin1.sql"),
                ("--liquibase formatted sql\n-- Revision: l1\n-- Revises: \n-- Message: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5, "20260100_000000_latin1.sql: not valid UTF-8");
    }

    @Test
    void emptyMigrationsFolder(@TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        assertCleanError(Cli.run("upgrade", "head", "--url", db.url(), "--migrations", m.toString()), 5, "there are no revisions yet");
    }

    @Test
    void missingMigrationsFolder(@TempDir Path dir) {
        assertCleanError(Cli.run("history", "--migrations", dir.resolve("nope").toString()), 5, "no migrations folder at");
    }

    @Test
    void twoHeadsWhereOneIsNeeded(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("h0", ""), script("h1", "h0"), script("h2", "h0"));
        assertCleanError(Cli.run("upgrade", "head", "--url", db.url(), "--migrations", m.toString()), 5, "multiple heads (h1, h2)");
        assertCleanError(Cli.run("revision", "-m", "x", "--migrations", m.toString()), 5, "multiple heads (h1, h2)");
        assertEquals(3, files(m).size(), "no revision was written");
    }

    @Test
    void upgradePastHead() {
        TestDatabase fresh = PostgresServer.createDatabase("past_head");
        assertCleanError(Cli.run("upgrade", "+20", "--url", fresh.url(), "--migrations", pixcrawler.toString()), 5,
                "cannot upgrade 20 step(s) from base: only 9 revision(s) above it");
        assertTrue(Catalogs.read(fresh).tables().isEmpty(), "nothing was applied");
    }

    @Test
    void downgradeWithoutTarget() {
        assertCleanError(Cli.run("downgrade", "--migrations", pixcrawler.toString()), 2, "Missing required parameter: 'TARGET'");
    }

    @Test
    void sqlRangeThatDoesNotExist() {
        assertCleanError(Cli.run("upgrade", "--sql", "nope:head", "--migrations", pixcrawler.toString()), 5, "no revision matches 'nope'");
        assertCleanError(Cli.run("downgrade", "--sql", "head", "--migrations", pixcrawler.toString()), 2, "needs a range FROM:TO");
        assertCleanError(Cli.run("downgrade", "--sql", "head:", "--migrations", pixcrawler.toString()), 2, "bad range 'head:'");
    }

    // connections and URLs

    @Test
    void unreachableHost() {
        assertCleanError(Cli.run("current", "--url", "postgresql://app:" + SECRET + "@127.0.0.1:1/app", "--migrations", pixcrawler.toString()),
                4, "cannot connect to postgresql://app@127.0.0.1:1/app");
    }

    @Test
    void aUrlAfterDoubleDashIsNotEchoedWithItsPassword() {
        // after "--" every argument is positional; picocli lists those it cannot place
        assertCleanError(Cli.run("downgrade", "--", "-1", "--url", "postgresql://app:" + SECRET + "@127.0.0.1:1/app"),
                2, "postgresql://app:***@127.0.0.1:1/app");
    }

    @Test
    void wrongPassword() {
        PostgresServer.createPasswordRole("pw_user", "right-password");
        assertCleanError(Cli.run("current", "--url", "postgresql://pw_user:" + SECRET + "@127.0.0.1:" + db.port() + "/" + db.name(),
                "--migrations", pixcrawler.toString()), 4, "password authentication failed for user \"pw_user\"");
    }

    @Test
    void missingDatabase() {
        assertCleanError(Cli.run("current", "--url", "postgresql://postgres:" + SECRET + "@localhost:" + db.port() + "/no_such_db",
                "--migrations", pixcrawler.toString()), 4, "database \"no_such_db\" does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:" + SECRET + "@host:99999/db",
            "postgres://u:" + SECRET + "@host:5432/",
            "postgresql+psycopg2://u:" + SECRET + "@host",
            "postgresql+asyncpg://u:" + SECRET + "@host:0/db",
            "jdbc:postgresql://host:5432/?password=" + SECRET,
            "jdbc:postgresql:db?password=" + SECRET,
            "mysql://u:" + SECRET + "@host/db",
            "postgresql://u:%zz@host/db"})
    void malformedUrl(String url) {
        Cli.Result r = Cli.run("current", "--url", url, "--migrations", pixcrawler.toString());
        assertCleanError(r, 2, "URL");
    }

    @Test
    void blankUrlOption() {
        assertCleanError(Cli.run("current", "--url", "  ", "--migrations", pixcrawler.toString()), 2, "the database URL is empty");
    }

    // the model

    @Test
    void packageWithNoEntities() {
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", pixcrawler.toString(), "--model-package", "io.diffgen.nothing.here"),
                3, "no @Entity classes found in package(s) io.diffgen.nothing.here");
    }

    @Test
    void aModelErrorIsSaidBeforeADatabaseErrorThoughTheyAreReadAtOnce() {
        // the model is read on a thread of its own while the database is opened: the model's failure still comes first
        assertCleanError(Cli.run("check", "--url", "postgresql://postgres:" + SECRET + "@127.0.0.1:1/app", "--migrations", pixcrawler.toString(),
                "--model-package", "io.diffgen.nothing.here"), 3, "no @Entity classes found in package(s) io.diffgen.nothing.here");
    }

    @Test
    void aBrokenRevisionIsSaidBeforeTheModelThoughTheModelIsReadWhileTheRevisionsAre(@TempDir Path dir) throws IOException {
        // the read of the model starts before the revisions are read: their failure still comes first, as when they were read first
        Path m = migrations(dir, "CREATE TABLE x (id int);\n");
        String script = "20260100_000000_script.sql: not a revision script";
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", m.toString(), "--model-package", "io.diffgen.nothing.here"), 5, script);
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", m.toString()), 5, script);
        assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--url", db.url(), "--migrations", m.toString(),
                "--model-package", "io.diffgen.nothing.here"), 5, script);
        assertEquals(List.of(m.resolve("versions/20260100_000000_script.sql")), files(m), "no revision was written");
    }

    @Test
    void checkSaysAMistypedMigrationsPathWithoutReadingTheModelOrWritingBesideIt(@TempDir Path dir) {
        // check reads the model while the revisions are, but not for a folder that is not there: its cache would be written beside the typo
        Path typo = dir.resolve("typo/migrations");
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", typo.toString(), "--model-package", "io.pixcrawler.model"), 5,
                "no migrations folder at");
        assertFalse(Files.exists(dir.resolve("typo")), "nothing was written beside the mistyped folder");
    }

    @Test
    void revisionMakesTheMigrationsFolderItIsGivenWhileTheModelIsRead(@TempDir Path dir) throws IOException {
        // unlike check, revision makes a migrations folder that is not there yet: the early read must not refuse it
        Path fresh = dir.resolve("project/migrations");
        Cli.Result r = Cli.run("revision", "--autogenerate", "-m", "initial", "--migrations", fresh.toString(), "--model-package", "io.pixcrawler.model");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(1, files(fresh).size(), "the first revision: " + files(fresh));
    }

    @Test
    void entityMappingError(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.mapping", "entity mapping error");
    }

    /** A model autogenerate refuses: the error (exit 3) is one line with {@code fragment} in it, and no revision is written. */
    private void assertModelRefused(Path dir, String modelPackage, String fragment) throws IOException {
        Path m = migrations(dir);
        Cli.Result r = assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--url", db.url(), "--migrations", m.toString(),
                "--model-package", modelPackage), 3, fragment);
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(List.of(), files(m), "no revision was written");
    }

    @Test
    void aNameWithALineBreakIsRefusedOnOneLine(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.newlines",
                "the entity model's table E'nl_t\\n--changeset evil:1\\nDROP TABLE profiles;' contains a line break");
    }

    @Test
    void twoTablesPostgresWouldCutToOneNameAreRefused(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.longnames", "which cuts names at 63 bytes: give one of them a shorter name");
    }

    @Test
    void tableOptionsOtherThanStorageParametersAreRefusedNotLost(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.options",
                "table ticket_log has options = \"tablespace pg_default\", and the only options diffgen writes and compares are "
                        + "storage parameters, WITH (name = value, ...)");
    }

    @Test
    void columnOptionsAreRefusedNotLost(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.columnoptions",
                "column invoice.total has options = \"collate \"C\"\", which diffgen does not write or compare yet");
    }

    @Test
    void columnTypePostgresDoesNotKnow(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.types",
                "the entity model's column weird.shape has a type PostgreSQL does not know: 'hexagon'");
    }

    /** A table in a schema PostgreSQL owns (information_schema, pg_*): refused by name, nothing written. */
    @Test
    void aTableInASchemaOfPostgresItselfIsRefusedByName(@TempDir Path dir) throws IOException {
        assertModelRefused(dir, "io.diffgen.broken.schema", "table information_schema.note is in schema 'information_schema', which belongs to PostgreSQL");
    }

    /** A revision the throwaway database cannot replay fails check without a URL, and leaves no cluster folder behind. */
    @Test
    void aRevisionTheThrowawayDatabaseCannotReplayLeavesNoClusterFolder(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: r1\n-- Revises: \n-- Message: m\n\n--changeset diffgen:r1\n"
                + "ALTER TABLE no_such_table ADD COLUMN x integer;\n--rollback SELECT 1;\n");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<String> before = shadowFolders(tmp);
        Cli.Result r = Cli.run("check", "--migrations", m.toString(), "--model-package", "io.diffgen.foreign");
        assertTrue(r.exitCode() != 0 && r.err().startsWith("error: ") && r.err().contains("no_such_table"), r.out() + r.err());
        // folders other runs left may be reaped meanwhile; this run must add none
        assertEquals(List.of(), shadowFolders(tmp).stream().filter(n -> !before.contains(n)).toList(),
                "the failed start removed its cluster folder");
    }

    private static List<String> shadowFolders(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("diffgen-shadow-")).sorted().toList();
        }
    }

    @Test
    void twoJavaEnumsOfOneSimpleNameAreRefusedNamingBoth(@TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        Cli.Result r = assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--url", db.url(), "--migrations", m.toString(),
                "--model-package", "io.diffgen.broken.enumtwice"), 3, "maps two Java enums to one PostgreSQL enum type 'status'");
        assertTrue(r.err().contains("io.diffgen.broken.enumtwice.Task$Status") && r.err().contains("io.diffgen.broken.enumtwice.Ticket$Status"), r.err());
        assertEquals(List.of(), files(m), "no revision was written");
    }

    /** --schemas names the only other schemas diffgen may touch: a model table elsewhere is refused by name, nothing written. */
    @Test
    void aModelTableInASchemaNotAllowedIsRefusedByName(@TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--url", db.url(), "--migrations", m.toString(), "--schemas", "hr",
                "--model-package", "io.diffgen.corpus.c39_tables_in_two_schemas.v2"), 7,
                "the entity model's table sales.note is in schema 'sales', which diffgen may not touch here (--schemas allows hr");
        assertEquals(List.of(), files(m), "no revision was written");
    }

    /**
     * Removing an enum label re-creates the type; a view that uses it would block or be lost with it,
     * so autogenerate refuses, naming the view, and writes nothing.
     */
    @Test
    void anEnumLabelRemovalAViewStandsInTheWayOfIsRefusedNamingTheView(@TempDir Path dir) throws IOException {
        TestDatabase own = PostgresServer.createDatabase("enum_view");
        Path m = migrations(dir);
        String v1 = "io.diffgen.corpus.c38_named_enum_loses_value.v1";
        String v2 = "io.diffgen.corpus.c38_named_enum_loses_value.v2";
        Cli.run("revision", "--autogenerate", "-m", "v1", "--url", own.url(), "--migrations", m.toString(), "--model-package", v1).assertOk();
        Cli.run("upgrade", "head", "--url", own.url(), "--migrations", m.toString()).assertOk();
        own.execute("CREATE VIEW spam_tickets AS SELECT id FROM ticket WHERE state = 'SPAM'");
        List<Path> before = files(m);
        assertCleanError(Cli.run("revision", "--autogenerate", "-m", "v2", "--url", own.url(), "--migrations", m.toString(),
                "--model-package", v2), 7, "cannot remove value SPAM from enum type ticketstate safely");
        assertCleanError(Cli.run("check", "--url", own.url(), "--migrations", m.toString(), "--model-package", v2), 7, "view spam_tickets");
        assertEquals(before, files(m), "no revision was written");
    }

    /** The same for an array of the enum type in a table outside the model's schemas, which depends on the array type. */
    @Test
    void anEnumLabelRemovalAnArrayColumnElsewhereStandsInTheWayOfIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        TestDatabase own = PostgresServer.createDatabase("enum_array");
        Path m = migrations(dir);
        List<String> on = List.of("--url", own.url(), "--migrations", m.toString());
        Cli.run(args("revision", "--autogenerate", "-m", "v1", "--model-package", "io.diffgen.corpus.c38_named_enum_loses_value.v1", on)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        own.execute("CREATE SCHEMA other", "CREATE TABLE other.t (s ticketstate[])");
        assertCleanError(Cli.run(args("revision", "--autogenerate", "-m", "v2", "--model-package", "io.diffgen.corpus.c38_named_enum_loses_value.v2", on)),
                7, "column s of table other.t uses it");
    }

    @Test
    void missingModelClasspathEntry(@TempDir Path dir) {
        assertCleanError(Cli.run("check", "--migrations", pixcrawler.toString(), "--model-package", "x",
                "--model-classpath", dir.resolve("missing.jar").toString()), 3, "model classpath entry does not exist");
    }

    @Test
    void noModelPackage(@TempDir Path dir) {
        assertCleanError(Cli.run("check", "--migrations", pixcrawler.toString()), 2, "no model package");
    }

    // revision writing

    @ParameterizedTest
    @ValueSource(strings = {"../../escape", "a/b\\c", "it's \"quoted\"", "two\nlines", "emoji \uD83D\uDE80 rocket", "  ", "..", "/etc/passwd"})
    void messagesNeverEscapeTheVersionsFolder(String message, @TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        Cli.Result r = Cli.run("revision", "-m", message, "--migrations", m.toString());
        if (message.isBlank()) {
            assertCleanError(r, 2, "the message (-m) is empty");
            assertEquals(List.of(), files(m));
            return;
        }
        r.assertOk();
        List<Path> written = files(m);
        assertEquals(1, written.size());
        String name = written.get(0).getFileName().toString();
        assertTrue(name.matches("\\d{8}_\\d{6}_[0-9a-f]{12}(_[a-z0-9_]+)?\\.sql"), name);
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(1, all.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".sql")).count(), "nothing outside versions/");
        }
        String header = Files.readString(written.get(0)).lines().filter(l -> l.startsWith("-- Message: ")).findFirst().orElseThrow();
        assertEquals("-- Message: " + message.strip().replaceAll("\\s+", " "), header);
        Cli.run("heads", "--migrations", m.toString()).assertOk();
    }

    /** Java's and PostgreSQL's other line breaks (NEL, LINE and PARAGRAPH SEPARATOR) and control characters: one line, kept. */
    @Test
    void aMessageWithUnicodeLineSeparatorsIsOneLineEverywhere(@TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        Cli.run("revision", "-m", "nel\u0085x\u2028y\u2029z\fq\u000Br", "--rev-id", "inj03", "--migrations", m.toString()).assertOk();
        assertEquals("-- Message: nel x y z q r", Files.readString(files(m).get(0)).lines().filter(l -> l.startsWith("-- Message: "))
                .findFirst().orElseThrow());
        assertEquals("<base> -> inj03 (head), nel x y z q r\n", Cli.run("history", "--migrations", m.toString()).assertOk().out());
    }

    @Test
    void badRevisionIds(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("taken", ""));
        assertCleanError(Cli.run("revision", "-m", "x", "--rev-id", "no/slash", "--migrations", m.toString()), 2, "--rev-id must be");
        assertCleanError(Cli.run("revision", "-m", "x", "--rev-id", "taken", "--migrations", m.toString()), 2, "revision id taken already exists");
        assertEquals(1, files(m).size());
    }

    @Test
    void autogenerateAgainstADatabaseNotAtHead(@TempDir Path dir) throws IOException {
        TestDatabase behind = PostgresServer.createDatabase("behind");
        Cli.run("upgrade", "dbb5", "--url", behind.url(), "--migrations", pixcrawler.toString()).assertOk();
        Path copy = dir.resolve("migrations");
        Files.createDirectories(copy.resolve("versions"));
        for (Path p : files(pixcrawler)) {
            Files.copy(p, copy.resolve("versions").resolve(p.getFileName()));
        }
        String head = Cli.run("heads", "--migrations", copy.toString()).out().strip().replace(" (head)", "");
        assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--url", behind.url(), "--migrations", copy.toString(),
                "--model-package", "io.pixcrawler.model"), 5, "database is at dbb569f91cf5, head is " + head + ": upgrade first");
        assertEquals(files(pixcrawler).size(), files(copy).size(), "no revision written");
    }

    // the command line

    @Test
    void unknownCommand() {
        assertCleanError(Cli.run("upgrayedd"), 2, "Unmatched argument");
    }

    @Test
    void unknownOption() {
        assertCleanError(Cli.run("heads", "--frobnicate"), 2, "Unknown option: '--frobnicate'");
    }

    @Test
    void verboseShowsTheStackTraceButStillNoPassword() {
        Cli.Result r = Cli.run("current", "-v", "--url", "postgresql://app:" + SECRET + "@127.0.0.1:1/app", "--migrations", pixcrawler.toString());
        assertEquals(4, r.exitCode());
        assertTrue(r.err().contains("\tat "), "a stack trace with --verbose");
        assertFalse((r.out() + r.err()).contains(SECRET));
    }

    // the application's Hibernate

    /** A hibernate-core jar as a build tool would put it on the classpath: its Version class and its manifest's version. */
    private static Path hibernateCoreJar(Path dir, String version) throws IOException {
        Path jar = dir.resolve("hibernate-core-" + version + ".jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION, version);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("org/hibernate/Version.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        return jar;
    }

    @ParameterizedTest
    @ValueSource(strings = {"6.4.10.Final", "6.5.3.Final", "7.5.0.Final", "8.0.0.Alpha1", "5.6.15.Final"})
    void aHibernateDiffgenDoesNotReadIsRefusedNamingTheVersionAndWhatIsSupported(String version, @TempDir Path dir) throws IOException {
        Path jar = hibernateCoreJar(dir, version);
        Path versions = dir.resolve("migrations/versions");
        Files.createDirectories(versions);
        assertCleanError(Cli.run("revision", "--autogenerate", "-m", "x", "--migrations", dir.resolve("migrations").toString(),
                        "--model-classpath", jar + java.io.File.pathSeparator + Path.of("../model/target/classes").toAbsolutePath(),
                        "--model-package", "io.pixcrawler.model"), 3,
                "the model's classpath has Hibernate ORM " + version + " (hibernate-core-" + version + ".jar): diffgen reads models with "
                        + "Hibernate ORM 6.6.x and 7.0 to 7.4");
        try (var files = Files.list(versions)) {
            assertEquals(0, files.count(), "no revision written");
        }
    }

    // the application's Hibernate settings

    @Test
    void unknownHibernateSettingIsRefusedByName() {
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", pixcrawler.toString(), "--model-package", "io.pixcrawler.model",
                "--hibernate-property", "hibernate.physical_naming_stratgy=x"), 2, "unknown Hibernate setting 'hibernate.physical_naming_stratgy'");
    }

    @Test
    void hibernateSettingWithoutAValueIsRefused() {
        assertCleanError(Cli.run("check", "--migrations", pixcrawler.toString(), "--model-package", "io.pixcrawler.model",
                "--hibernate-property", "hibernate.physical_naming_strategy"), 2, "hibernate-property");
    }

    @Test
    void namingStrategyThatIsNotOnTheClasspathNamesTheClass() {
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", pixcrawler.toString(), "--model-package", "io.pixcrawler.model",
                "--hibernate-property", "hibernate.physical_naming_strategy=com.example.NoSuchStrategy"), 3, "com.example.NoSuchStrategy");
    }

    @Test
    void aModelWithoutEntitiesIsSaidBeforeAHibernateThatCannotStart() {
        // Hibernate starts on a thread of its own while the classes are found; its failure still comes where it did
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", pixcrawler.toString(), "--model-package", "io.diffgen.nothing.here",
                "--hibernate-property", "hibernate.physical_naming_strategy=com.example.NoSuchStrategy"), 3,
                "no @Entity classes found in package(s) io.diffgen.nothing.here");
    }

    @Test
    void brokenPersistenceXmlOnTheModelClasspathIsNamed(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/persistence.xml"), "<persistence><persistence-unit");
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", pixcrawler.toString(), "--model-package", "io.pixcrawler.model",
                "--model-classpath", classes + java.io.File.pathSeparator + Path.of("../model/target/classes").toAbsolutePath()),
                3, "META-INF/persistence.xml");
    }

    // found by a hostile user (issue 14)

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://u1:" + SECRET + "/yy@127.0.0.1:5/db", "postgresql://u1:" + SECRET + ":yy@127.0.0.1:5/db",
            "postgresql://u1:" + SECRET + "@x@127.0.0.1:5/db", "jdbc:postgresql://127.0.0.1:5/db?user=u&password=" + SECRET + "/:@"})
    void aPasswordWithRawSlashColonOrAtIsNeverPrinted(String url) {
        Cli.Result r = Cli.run("current", "--url", url, "--migrations", pixcrawler.toString());
        assertTrue(r.exitCode() != 0);
        assertCleanError(r, r.exitCode(), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql:///db?host=/var/run/postgresql&port=5432", "postgresql://u:pw@%2Fvar%2Frun%2Fpostgresql/db"})
    void unixSocketUrlsAreRefusedNamingTheSocket(String url) {
        assertCleanError(Cli.run("current", "--url", url, "--migrations", pixcrawler.toString()), 2, "unix-socket connections");
    }

    @ParameterizedTest
    @ValueSource(strings = {"head", "heads", "base", "HEAD", "current"})
    void reservedWordsAreNoRevisionIds(String id, @TempDir Path dir) throws IOException {
        Path m = migrations(dir);
        assertCleanError(Cli.run("revision", "-m", "x", "--rev-id", id, "--migrations", m.toString()), 2, "is a reserved word");
        assertEquals(List.of(), files(m));
    }

    @Test
    void theAdviceForAMissingMigrationsFolderNamesACommandThatExists(@TempDir Path dir) {
        Cli.Result r = assertCleanError(Cli.run("heads", "--migrations", dir.resolve("none").toString()), 5, "no migrations folder");
        assertTrue(r.err().contains("mkdir -p"), r.err());
        assertFalse(r.err().contains("diffgen init"), r.err());
    }

    @Test
    void aByteOrderMarkIsAcceptedAsLiquibaseAcceptsIt(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, "\uFEFF" + script("r1", ""));
        assertEquals("r1 (head)\n", Cli.run("heads", "--migrations", m.toString()).assertOk().out());
    }

    @Test
    void anEditorsLockLinkInVersionsIsNotARevision(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("r1", ""));
        Files.createSymbolicLink(m.resolve("versions/.#20260100_000000_script.sql"), Path.of("user@host.1234:1700000000"));
        Files.writeString(m.resolve("versions/.hidden.sql"), "not a revision");
        assertEquals("r1 (head)\n", Cli.run("heads", "--migrations", m.toString()).assertOk().out());
    }

    @Test
    void aRevisionWithoutRollbackRefusesToDowngradeAndChangesNothing(@TempDir Path dir) throws IOException {
        TestDatabase target = PostgresServer.createDatabase("no_rollback");
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: r1\n-- Revises: \n-- Message: m\n\n"
                + "--changeset diffgen:r1\nCREATE TABLE kept (id integer);\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertCleanError(Cli.run(args("downgrade", "base", on)), 5, "revision r1 (20260100_000000_script.sql) cannot be downgraded");
        assertCleanError(Cli.run(args("downgrade", "--sql", "r1:base", "--migrations", m)), 5, "has no --rollback");
        assertEquals("r1 (head)\n", Cli.run(args("current", on)).assertOk().out(), "the tracking row is still there");
        assertTrue(Catalogs.read(target).table("kept").isPresent(), "and so is the table");
    }

    @Test
    void noPermissionToCreateTheTrackingTableIsOneLine() {
        TestDatabase target = PostgresServer.createDatabase("no_create");
        target.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC"); // PostgreSQL 15's default, said for 13 and 14 too
        PostgresServer.createPasswordRole("weakling", SECRET);
        String url = "postgresql://weakling:" + SECRET + "@" + target.host() + ":" + target.port() + "/" + target.name();
        assertCleanError(Cli.run("upgrade", "head", "--url", url, "--migrations", pixcrawler.toString()), 4,
                "cannot create or update the tracking table DATABASECHANGELOG: ERROR: permission denied for schema public");
    }

    @Test
    void aChangesetIdTwiceInOneRevisionIsNamed(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("r1", "") + "\n--changeset diffgen:r1\nSELECT 2;\n--rollback SELECT 2;\n");
        assertCleanError(Cli.run("validate", "--offline", "--migrations", m.toString()), 5, "changeset diffgen:r1 appears twice");
        assertCleanError(Cli.run("upgrade", "head", "--sql", "--migrations", m.toString()), 5, "appears twice");
    }

    /** What stock Liquibase's includeAll would run and diffgen would not: a .SQL file, a revision in a subfolder. */
    @Test
    void aRevisionStockLiquibaseWouldRunAndDiffgenWouldNotIsRefused(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, script("k1", ""));
        Files.writeString(m.resolve("versions/20260105_000000_k2.SQL"), script("k2", "k1"));
        assertCleanError(Cli.run("heads", "--migrations", m.toString()), 5, "20260105_000000_k2.SQL: a revision's name ends in .sql, in lower case");
        Files.delete(m.resolve("versions/20260105_000000_k2.SQL"));
        Files.createDirectories(m.resolve("versions/2026"));
        Files.writeString(m.resolve("versions/2026/20260105_000000_k2.sql"), script("k2", "k1"));
        assertCleanError(Cli.run("validate", "--offline", "--migrations", m.toString()), 5, "revisions live directly in");
        Files.delete(m.resolve("versions/2026/20260105_000000_k2.sql"));
        Files.writeString(m.resolve("versions/2026/notes.txt"), "a folder of notes is fine");
        assertEquals("k1 (head)\n", Cli.run("heads", "--migrations", m.toString()).assertOk().out());
    }

    /** A later changeset deleted from an applied revision: named, and nothing runs that would leave its row behind. */
    @Test
    void aChangesetRemovedFromAnAppliedRevisionIsNamed(@TempDir Path dir) throws IOException {
        TestDatabase target = PostgresServer.createDatabase("changeset_gone");
        Path m = migrations(dir, script("c1", "") + "\n--changeset diffgen:c1.2\nSELECT 2;\n--rollback SELECT 2;\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(args("upgrade", "head", on)).assertOk();
        Files.writeString(files(m).get(0), script("c1", ""));
        String gone = "changeset c1.2 ran on this database but is no longer in ";
        assertCleanError(Cli.run(args("validate", on)), 5, gone);
        assertCleanError(Cli.run(args("downgrade", "base", on)), 5, gone);
        assertCleanError(Cli.run(args("upgrade", "head", on)), 5, gone);
        assertEquals(List.of("c1", "c1.2"), Catalogs.trackingRows(target).stream().map(r -> r.substring(0, r.indexOf('|'))).toList(), "nothing was forgotten");
    }

    /** A rollback edited after its revision ran is refused by validate and by a downgrade, which would run it (Liquibase's checksum leaves rollbacks out). */
    @Test
    void aRollbackEditedAfterItsRevisionRanIsRefused(@TempDir Path dir) throws IOException {
        TestDatabase target = PostgresServer.createDatabase("rollback_edited");
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: r1\n-- Revises: \n-- Message: m\n\n--changeset diffgen:r1\n"
                + "CREATE TABLE kept_t (id integer);\n--rollback DROP TABLE kept_t;\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(args("upgrade", "head", on)).assertOk();
        Cli.run(args("validate", on)).assertOk();
        Path file = files(m).get(0);
        Files.writeString(file, Files.readString(file).replace("--rollback DROP TABLE kept_t;", "--rollback DROP TABLE kept_t;\n--rollback DROP SCHEMA public CASCADE;"));
        String edited = "revision r1 (" + file.getFileName() + ") was edited after it was applied to this database (changeset r1: its rollback changed)";
        assertCleanError(Cli.run(args("validate", on)), 5, edited);
        assertCleanError(Cli.run(args("downgrade", "base", on)), 5, edited);
        assertTrue(Catalogs.read(target).tables().containsKey("kept_t"), "the edited rollback did not run");
    }

    /** A data check the statement timeout cancels says nothing about the rows: the revision stops before it changes anything. */
    @Test
    void aDataCheckCancelledByTheStatementTimeoutStopsTheRevisionBeforeItChangesAnything(@TempDir Path dir) throws IOException {
        TestDatabase target = PostgresServer.createDatabase("check_timeout");
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: s1\n-- Revises: \n-- Message: m\n\n--changeset diffgen:s1\n"
                + "--preconditions onFail:HALT onError:WARN\n--precondition-sql-check expectedResult:1 SELECT count(*) FROM pg_sleep(1)\n"
                + "CREATE TABLE slow_t (id integer);\n--rollback DROP TABLE slow_t;\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        assertCleanError(Cli.run(args("upgrade", "head", "--statement-timeout", "200ms", on)), 6,
                "stopped before it changed anything: its data checks did not finish (statement_timeout 200ms");
        assertFalse(Catalogs.read(target).tables().containsKey("slow_t"), "nothing changed");
        Cli.Result preflight = Cli.run(args("preflight", "--statement-timeout", "200ms", on));
        assertEquals(1, preflight.exitCode(), preflight.out() + preflight.err());
        assertTrue(preflight.out().contains("s1: did not finish within the timeouts: "), preflight.out());
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertTrue(Catalogs.read(target).tables().containsKey("slow_t"), "with time to finish, the check passes and the revision runs");
    }

    @Test
    void aDatabaseWhoseRevisionFileIsGoneIsNamedAndStampPurgeIsTheWayOut(@TempDir Path dir) throws IOException {
        TestDatabase target = PostgresServer.createDatabase("file_gone");
        Path m = migrations(dir, script("r1", ""), script("r2", "r1"));
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(args("upgrade", "head", on)).assertOk();
        Files.delete(files(m).get(1));
        // the newest file gone looks as a newer version's revision would: the error says both
        Cli.Result lost = assertCleanError(Cli.run(args("current", on)), 5, "the database is at revision r2, newer than every revision in");
        assertTrue(lost.err().contains("or the file is gone (restore it, or record where the database really is with 'stamp --purge REVISION')"),
                lost.err());
        assertCleanError(Cli.run(args("stamp", "r1", on)), 5, "newer than every revision in");
        Cli.run(args("stamp", "--purge", "r1", on)).assertOk();
        assertEquals("r1 (head)\n", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void aTableLockedByAnotherSessionFailsTheStatementAfterLockTimeoutAndNothingIsApplied(@TempDir Path dir) throws Exception {
        TestDatabase target = PostgresServer.createDatabase("locked_table");
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: r1\n-- Revises: \n-- Message: m\n\n--changeset diffgen:r1\n"
                        + "CREATE TABLE busy (id integer);\n--rollback DROP TABLE busy;\n",
                "--liquibase formatted sql\n-- Revision: r2\n-- Revises: r1\n-- Message: m\n\n--changeset diffgen:r2\n"
                        + "ALTER TABLE busy ADD COLUMN note text;\n--rollback ALTER TABLE busy DROP COLUMN note;\n");
        List<String> on = List.of("--url", target.url(), "--migrations", m.toString());
        Cli.run(args("upgrade", "r1", on)).assertOk();
        try (java.sql.Connection reader = target.connect()) {
            reader.setAutoCommit(false);
            try (var s = reader.createStatement()) {
                s.execute("SELECT count(*) FROM busy"); // a long-running reader holds ACCESS SHARE until it commits
            }
            Cli.Result blocked = assertCleanError(Cli.run(args("upgrade", "head", "--lock-timeout", "300ms", "--lock-retries", "0", on)), 6,
                    "lock_timeout (300ms");
            assertTrue(blocked.err().contains("the database is still at r1"), blocked.err());
            reader.rollback();
        }
        Cli.run(args("upgrade", "head", on)).assertOk();
        assertEquals("r2 (head)\n", Cli.run(args("current", on)).assertOk().out());
    }

    @Test
    void anotherRunHoldingTheMigrationLockIsNamedAfterLockWait(@TempDir Path dir) throws Exception {
        TestDatabase target = PostgresServer.createDatabase("lock_holder");
        Path m = migrations(dir, script("r1", ""));
        try (java.sql.Connection other = target.connect(); var s = other.createStatement()) {
            s.execute("SET application_name = 'other-deploy'");
            s.execute("SELECT pg_advisory_lock(" + io.diffgen.runner.AdvisoryLock.KEY + ")");
            Cli.Result r = Cli.run("upgrade", "head", "--lock-wait", "1", "--url", target.url(), "--migrations", m.toString());
            assertEquals(4, r.exitCode(), r.err());
            List<String> lines = r.err().lines().toList();
            assertEquals(2, lines.size(), "one line while waiting, one error line:\n" + r.err());
            assertTrue(lines.get(0).startsWith("Waiting for another diffgen run to finish (pid "), lines.get(0));
            assertTrue(lines.get(1).startsWith("error: another diffgen run holds this database's migration lock (pid ")
                    && lines.get(1).contains("application other-deploy") && lines.get(1).contains("--lock-wait"), lines.get(1));
            assertEquals("", Cli.run("current", "--url", target.url(), "--migrations", m.toString()).assertOk().out(), "nothing applied");
        }
        Cli.run("upgrade", "head", "--url", target.url(), "--migrations", m.toString()).assertOk();
    }

    /** A raw '/' in a JDBC URL's password, or a libpq string's spaced {@code password = ...}: never printed, not even by the driver. */
    @Test
    void passwordsWithARawSlashOrSpacedOutAreNeverPrinted() {
        for (String url : List.of("jdbc:postgresql://nobody:" + SECRET + "/x@" + db.host() + ":" + db.port() + "/" + db.name(),
                "host=" + db.host() + " dbname=" + db.name() + " user=nobody password = " + SECRET)) {
            Cli.Result r = Cli.run("current", "--url", url, "--migrations", pixcrawler.toString());
            assertTrue(r.exitCode() == 2 || r.exitCode() == 4, r.err());
            assertFalse((r.out() + r.err()).contains(SECRET), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        }
    }

    /**
     * A role that may not see another role's sessions (pg_stat_activity hides all but the pid) waits for
     * that role's lock like any other, and names the holder by its pid.
     */
    @Test
    void anotherRolesLockIsWaitedForAndNamedByItsPid(@TempDir Path dir) throws Exception {
        TestDatabase target = PostgresServer.createDatabase("lock_other_role");
        Path m = migrations(dir, script("r1", ""));
        PostgresServer.createPasswordRole("deployer", SECRET);
        target.execute("GRANT CREATE, USAGE ON SCHEMA public TO deployer");
        String url = "postgresql://deployer:" + SECRET + "@" + target.host() + ":" + target.port() + "/" + target.name();
        try (java.sql.Connection other = target.connect(); var s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + io.diffgen.runner.AdvisoryLock.KEY + ")");
            Cli.Result r = Cli.run("upgrade", "head", "--lock-wait", "1", "--url", url, "--migrations", m.toString());
            assertEquals(4, r.exitCode(), r.err());
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.get(0).startsWith("Waiting for another diffgen run to finish (pid "), r.err());
            assertTrue(lines.get(1).startsWith("error: another diffgen run holds this database's migration lock (pid ")
                    && lines.get(1).contains("another role's session"), r.err());
            assertFalse(r.err().contains(SECRET), r.err());
        }
        Cli.run("upgrade", "head", "--url", url, "--migrations", m.toString()).assertOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--statement-timeout=soon", "--lock-retries=-1"})
    void aBadStatementTimeoutOrLockRetriesIsRefused(String option) {
        assertCleanError(Cli.run("upgrade", "head", option, "--url", db.url(), "--migrations", pixcrawler.toString()),
                2, option.substring(0, option.indexOf('=')));
    }

    /** Not a duration; a bare number, which PostgreSQL would read as milliseconds; more than PostgreSQL's range. */
    @ParameterizedTest
    @ValueSource(strings = {"soon", "10", "99999999999s"})
    void aBadLockTimeoutIsRefused(String value) {
        assertCleanError(Cli.run("upgrade", "head", "--lock-timeout", value, "--url", db.url(), "--migrations", pixcrawler.toString()),
                2, "bad --lock-timeout '" + value + "': expected a number with ms, s, min or h, at most 24 days");
    }

    @Test
    void noTemporaryTablePrivilegeIsNamedAsTheUsersNotTheModels(@TempDir Path dir) throws IOException {
        // a project of its own: no cached canonical form from another test may spare the temporary tables
        Path m = migrations(dir);
        for (Path p : files(pixcrawler)) {
            Files.copy(p, m.resolve("versions").resolve(p.getFileName()));
        }
        TestDatabase target = PostgresServer.createDatabase("no_temp");
        Cli.run("upgrade", "head", "--url", target.url(), "--migrations", m.toString()).assertOk();
        PostgresServer.createPasswordRole("notemp", SECRET);
        target.execute("REVOKE TEMPORARY ON DATABASE " + target.name() + " FROM PUBLIC", "GRANT USAGE ON SCHEMA public TO notemp",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO notemp");
        String url = "postgresql://notemp:" + SECRET + "@" + target.host() + ":" + target.port() + "/" + target.name();
        Cli.Result r = assertCleanError(Cli.run("check", "--url", url, "--migrations", m.toString(),
                "--model-classpath", Path.of("../model/target/classes").toAbsolutePath().toString(), "--model-package", "io.pixcrawler.model"),
                4, "the database user cannot create temporary tables");
        assertFalse(r.err().contains("entity model"), r.err());
    }

    @Test
    void aChangesetLiquibaseCannotParseKeepsItsReason(@TempDir Path dir) throws IOException {
        Path m = migrations(dir, "--liquibase formatted sql\n-- Revision: r1\n-- Revises: \n-- Message: m\n\n--changeset diffgen:r1 dbms:\n"
                + "SELECT 1;\n--rollback SELECT 1;\n--changeset :\nSELECT 2;\n");
        Cli.Result r = assertCleanError(Cli.run("validate", "--offline", "--migrations", m.toString()), 5, "cannot parse: ");
        String reason = r.err().strip().substring(r.err().indexOf("cannot parse: ") + "cannot parse: ".length());
        assertTrue(reason.length() > 10, "a reason follows: " + r.err());
    }

    @Test
    void aSchemaNamedAfterTheUserDoesNotStartASecondHistory() throws Exception {
        TestDatabase target = PostgresServer.createDatabase("user_schema");
        PostgresServer.createPasswordRole("appuser", SECRET);
        target.execute("GRANT CREATE, USAGE ON SCHEMA public TO appuser", "ALTER DATABASE " + target.name() + " OWNER TO appuser");
        String url = "postgresql://appuser:" + SECRET + "@" + target.host() + ":" + target.port() + "/" + target.name();
        List<String> on = List.of("--url", url, "--migrations", pixcrawler.toString());
        Cli.run(args("upgrade", "head", on)).assertOk();
        target.execute("CREATE SCHEMA appuser AUTHORIZATION appuser"); // now first on appuser's search_path ("$user", public)
        String head = Cli.run("heads", "--migrations", pixcrawler.toString()).out();
        assertEquals(head, Cli.run(args("current", on)).assertOk().out());
        Cli.Result again = Cli.run(args("upgrade", "head", on)).assertOk();
        assertTrue(again.err().contains("nothing to upgrade"), "no revision applied a second time:\n" + again.err());
        assertEquals(0, Cli.run(args("check", on, "--model-classpath", Path.of("../model/target/classes").toAbsolutePath().toString(),
                "--model-package", "io.pixcrawler.model")).exitCode(), "check compares the schema that holds the history");
        try (java.sql.Connection c = target.connect(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relnamespace = 'appuser'::regnamespace")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "nothing was created in the user's schema");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "soon", "1.5"})
    void aBadLockWaitIsRefused(String seconds) {
        assertCleanError(Cli.run("upgrade", "head", "--lock-wait", seconds, "--url", db.url(), "--migrations", pixcrawler.toString()),
                2, "--lock-wait");
    }

    @Test
    void aMigrationsPathThatIsAFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("migrations"), "not a folder");
        assertCleanError(Cli.run("history", "--migrations", file.toString()), 5, "migrations");
    }

    @Test
    void aModelClasspathEntryThatIsNoJarIsNamed(@TempDir Path dir) throws IOException {
        Path notAJar = Files.writeString(dir.resolve("model.jar"), "plain text");
        Path m = migrations(dir, script("a1", ""));
        assertCleanError(Cli.run("check", "--url", db.url(), "--migrations", m.toString(), "--model-classpath", notAJar.toString(),
                "--model-package", "io.pixcrawler.model"), 3, "model.jar");
    }

    @Test
    void stampPurgeOfARevisionThatDoesNotExistChangesNothing() {
        assertCleanError(Cli.run("stamp", "--purge", "feedface", "--url", db.url(), "--migrations", pixcrawler.toString()),
                5, "feedface");
    }
}

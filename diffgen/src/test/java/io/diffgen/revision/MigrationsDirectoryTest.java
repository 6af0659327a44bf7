package io.diffgen.revision;

import io.diffgen.DiffgenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsDirectoryTest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    private static MigrationsDirectory folder(Path root) throws IOException {
        Files.createDirectories(root.resolve("versions"));
        return new MigrationsDirectory(root);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String header(String id, String parents) {
        return "--liquibase formatted sql\n-- Revision: " + id + "\n-- Revises: " + parents + "\n-- Create Date: 2024-01-01T00:00:00Z\n"
                + "-- Message: m\n\n--changeset diffgen:" + id + "\nSELECT 1;\n";
    }

    // ------------------------------------------------------------------ slug

    static Stream<Arguments> slugs() {
        return Stream.of(
                Arguments.of("Add users table", "add_users_table"),
                Arguments.of("../../etc/passwd", "etc_passwd"),
                Arguments.of("a/b\\c", "a_b_c"),
                Arguments.of("it's \"quoted\"", "it_s_quoted"),
                Arguments.of("  line1\nline2\r\n", "line1_line2"),
                Arguments.of("\uD83D\uDE80 launch \u2728 caf\u00e9", "launch_cafe"),
                Arguments.of("\uD83D\uDCA5\uD83D\uDCA5", ""),
                Arguments.of("___Already__Snake___", "already_snake"),
                Arguments.of("UPPER 123 lower", "upper_123_lower"),
                Arguments.of("\uFF21\uFF22\uFF23 full width", "abc_full_width"),
                Arguments.of("nul\u0000byte", "nul_byte"),
                Arguments.of("", ""));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("slugs")
    void slugKeepsOnlySafeCharacters(String message, String expected) {
        assertEquals(expected, MigrationsDirectory.slug(message));
    }

    @Test
    void slugOfLongTextIsCutAt40WithoutATrailingUnderscore() {
        String slug = MigrationsDirectory.slug("word ".repeat(30));
        assertEquals("word_word_word_word_word_word_word_word", slug);
        assertEquals(39, slug.length());
        String exact = MigrationsDirectory.slug("a".repeat(100));
        assertEquals("a".repeat(40), exact);
        assertEquals("orders_quantity_to_bigint_and_b_contract", MigrationsDirectory.slug("orders: quantity to bigint and buyer renamed (contract)"));
        assertEquals("orders_quantity_to_bigint_and_buy_expand", MigrationsDirectory.slug("orders: quantity to bigint and buyer renamed (expand)"));
    }

    @Test
    void slugIsAlwaysSafeAndShort() {
        io.diffgen.Trials.run(500, seed -> {
            String message = anyText(new java.util.Random(seed));
            String slug = MigrationsDirectory.slug(message);
            assertTrue(slug.matches("[a-z0-9_]*"), slug);
            assertTrue(slug.length() <= 40, slug);
            assertFalse(slug.startsWith("_") || slug.endsWith("_"), slug);
        });
    }

    /** Text of any length up to 300 from every kind of character: ASCII, spaces and controls, accents, other scripts, emoji, lone surrogates. */
    private static String anyText(java.util.Random draws) {
        String[] pools = {"abcXYZ019", " _-.\t\n\r\u0000\u2028\u00a0", "\u00e9\u00df\u00c5\u0130\u0131", "\u03a9\u4e2d\u0645\u05d0",
                "\uD83D\uDE80\uD83C\uDDE9\uD83C\uDDEA", "\uD800\uDFFF"};
        StringBuilder text = new StringBuilder();
        for (int n = draws.nextInt(4) == 0 ? draws.nextInt(3) : draws.nextInt(301); n > 0; n--) {
            String pool = pools[draws.nextInt(pools.length)];
            text.append(pool.charAt(draws.nextInt(pool.length())));
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ fileName

    @Test
    void fileNameInAnEmptyFolder(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        Instant created = Instant.parse("2024-01-02T03:04:05.678Z");
        assertEquals("20240102_030405_ae1001_add_users.sql", dir.fileName(created, "ae1001", "Add users"));
        assertEquals("20240102_030405_ae1001.sql", dir.fileName(created, "ae1001", "\uD83D\uDE80"), "no slug, no trailing underscore");
    }

    @Test
    void fileNameSortsAfterAScriptFromTheFuture(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant future = now.plus(Duration.ofHours(3));
        String existing = STAMP.format(future) + "_ffffffffffff_from_a_fast_clock.sql";
        Files.writeString(root.resolve("versions").resolve(existing), header("ffffffffffff", ""));
        Files.writeString(root.resolve("versions").resolve("00000000_000000_000000000000_old.sql"), header("000000000000", ""));

        String name = dir.fileName(now, "aaaaaaaaaaaa", "next");
        assertEquals(STAMP.format(future.plusSeconds(1)) + "_aaaaaaaaaaaa_next.sql", name);
        assertTrue(name.compareTo(existing) > 0, name + " must sort after " + existing);
    }

    @Test
    void fileNameSortsAfterAScriptFromTheSameSecond(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        Instant created = Instant.parse("2024-01-02T03:04:05Z");
        // a later id in the same second would sort first by id alone
        Files.writeString(root.resolve("versions").resolve("20240102_030405_ffffffffffff_x.sql"), header("ffffffffffff", ""));
        assertEquals("20240102_030406_000000000000_y.sql", dir.fileName(created, "000000000000", "y"));
    }

    @Test
    void fileNameCopesWithAScriptFarInTheFuture(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        Files.writeString(root.resolve("versions").resolve("21000101_000000_ffffffffffff_x.sql"), header("ffffffffffff", ""));
        String name = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> dir.fileName(Instant.parse("2024-01-02T03:04:05Z"), "aaaaaaaaaaaa", "y"));
        assertTrue(name.compareTo("21000101_000000_ffffffffffff_x.sql") > 0, name);
    }

    @Test
    void fileNameTerminatesWhenAScriptIsNotStamped(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        Files.writeString(root.resolve("versions").resolve("manual_fix_0001.sql"), header("manualfix", ""));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> dir.fileName(Instant.parse("2024-01-02T03:04:05Z"), "aaaaaaaaaaaa", "y"));
    }

    @Test
    void fileNameNeedsTheFolder(@TempDir Path root) {
        MigrationsDirectory dir = new MigrationsDirectory(root.resolve("missing"));
        DiffgenException e = assertThrows(DiffgenException.class, () -> dir.fileName(Instant.now(), "a", "b"));
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
        assertTrue(e.getMessage().startsWith("no migrations folder at "), e.getMessage());
    }

    // ------------------------------------------------------------------ write / read

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFile(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        String content = header("ae1001", "") + "-- caf\u00e9\n";
        Path written = dir.write("20240102_030405_ae1001_x.sql", content);
        assertEquals(root.resolve("versions").resolve("20240102_030405_ae1001_x.sql"), written);
        assertEquals(content, Files.readString(written, StandardCharsets.UTF_8));
        assertEquals(List.of("20240102_030405_ae1001_x.sql"), listing(root.resolve("versions")));
        // overwriting works the same way
        dir.write("20240102_030405_ae1001_x.sql", "second");
        assertEquals("second", Files.readString(written));
        assertEquals(List.of("20240102_030405_ae1001_x.sql"), listing(root.resolve("versions")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sql", "a/b.sql", "..", "x..sql", "with space.sql", "", "/abs.sql", "a\\b.sql", "caf\u00e9.sql", "x.sql\n"})
    void writeRejectsUnsafeNames(String name, @TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dir.write(name, "x"));
        assertEquals("unsafe file name " + name, e.getMessage());
        assertEquals(List.of(), listing(root.resolve("versions")));
        assertEquals(List.of("versions"), listing(root));
    }

    @Test
    void writeWithoutTheFolderFailsCleanly(@TempDir Path root) {
        MigrationsDirectory dir = new MigrationsDirectory(root.resolve("missing"));
        DiffgenException e = assertThrows(DiffgenException.class, () -> dir.write("x.sql", "x"));
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
        assertTrue(e.getMessage().startsWith("cannot write " + root.resolve("missing").resolve("versions").resolve("x.sql")), e.getMessage());
    }

    @Test
    void readOfNonUtf8NamesTheFile(@TempDir Path root) throws IOException {
        Path bad = root.resolve("20240102_030405_ae1001_latin1.sql");
        Files.write(bad, "--liquibase formatted sql\n-- Message: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        RevisionException.BadScript e = assertThrows(RevisionException.BadScript.class, () -> MigrationsDirectory.read(bad));
        assertEquals("20240102_030405_ae1001_latin1.sql: not valid UTF-8", e.getMessage());
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
    }

    @Test
    void readOfUtf8(@TempDir Path root) throws IOException {
        Path good = root.resolve("good.sql");
        Files.writeString(good, "caf\u00e9 \uD83D\uDE80", StandardCharsets.UTF_8);
        assertEquals("caf\u00e9 \uD83D\uDE80", MigrationsDirectory.read(good));
    }

    @Test
    void readOfAMissingFileIsARevisionError(@TempDir Path root) {
        DiffgenException e = assertThrows(DiffgenException.class, () -> MigrationsDirectory.read(root.resolve("gone.sql")));
        assertEquals(DiffgenException.ErrorCode.REVISION, e.code());
        assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
    }

    // ------------------------------------------------------------------ the folder as a graph

    @Test
    void graphReadsScriptsInFileNameOrder(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        dir.write("20240101_000000_aa01_first.sql", header("aa01", ""));
        dir.write("20240102_000000_bb02_second.sql", header("bb02", "aa01"));
        Files.writeString(root.resolve("versions").resolve("README.md"), "not a script");
        assertEquals(List.of("20240101_000000_aa01_first.sql", "20240102_000000_bb02_second.sql"),
                dir.scripts().stream().map(p -> p.getFileName().toString()).toList());
        RevisionGraph g = dir.graph();
        assertEquals(List.of("bb02"), g.heads());
        assertEquals("20240102_000000_bb02_second.sql", g.get("bb02").location());
    }

    @Test
    void graphErrorsNameTheFile(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = folder(root);
        dir.write("20240102_000000_bb02_orphan.sql", header("bb02", "zz99"));
        RevisionException.MissingParent e = assertThrows(RevisionException.MissingParent.class, dir::graph);
        assertEquals("revision bb02 (20240102_000000_bb02_orphan.sql) revises zz99, which does not exist", e.getMessage());
    }

    @Test
    void createDateIsUtcToTheSecond() {
        assertEquals("2024-01-02T03:04:05Z", MigrationsDirectory.createDate(Instant.parse("2024-01-02T03:04:05.999Z")));
    }

    @Test
    void masterChangelogIsWrittenOnceAndNeverEdited(@TempDir Path root) throws IOException {
        MigrationsDirectory dir = new MigrationsDirectory(root);
        dir.ensureMasterChangelog();
        Path master = root.resolve(MigrationsDirectory.MASTER_CHANGELOG);
        assertTrue(Files.isDirectory(root.resolve("versions")));
        assertTrue(Files.readString(master).contains("<includeAll path=\"versions/\" relativeToChangelogFile=\"true\"/>"));
        Files.writeString(master, "edited by hand");
        dir.ensureMasterChangelog();
        assertEquals("edited by hand", Files.readString(master));
    }
}

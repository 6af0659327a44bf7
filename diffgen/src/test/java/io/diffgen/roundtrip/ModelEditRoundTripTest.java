package io.diffgen.roundtrip;

import org.junit.jupiter.api.Tag;
import io.diffgen.Catalogs;
import io.diffgen.Cli;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The round trip, for every model edit in the corpus ({@code io.diffgen.corpus.<edit>.v1} and
 * {@code .v2}, plus the shared {@code io.diffgen.corpus.common}): generate the edit's revision with the
 * CLI, apply it, {@code check} is clean, the catalog equals a fresh build of v2, rows survive, and the
 * downgrade restores the v1 catalog. The edit's script must equal its golden file.
 */
@Tag("postgres")
class ModelEditRoundTripTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String KEEPER_ROWS = "SELECT count(*) FROM keeper WHERE label LIKE 'kept-%'";

    static Stream<String> edits() throws IOException {
        Path corpus = testClasses().resolve("io/diffgen/corpus");
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("v1")) && Files.isDirectory(d.resolve("v2")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void roundTrip(String edit, @TempDir Path work) throws Exception {
        TestDatabase db = PostgresServer.createDatabase(edit);
        Path migrations = work.resolve("migrations");
        List<String> on = args("--url", db.url(), "--migrations", migrations, "--model-classpath", testClasses());
        List<String> v1 = args("--model-package", "io.diffgen.corpus.common,io.diffgen.corpus." + edit + ".v1");
        List<String> v2 = args("--model-package", "io.diffgen.corpus.common,io.diffgen.corpus." + edit + ".v2");

        Cli.run(args("revision", "--autogenerate", "-m", "v1", "--rev-id", "v1", on, v1)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        db.execute("INSERT INTO keeper (id, label) VALUES (1, 'kept-1'), (2, 'kept-2')");
        seed(edit, "seed-v1.sql", db);
        SchemaSnapshot before = Catalogs.ignoringColumnOrder(Catalogs.read(db));

        Cli.Result generated = Cli.run(args("revision", "--autogenerate", "-m", "v2", "--rev-id", "v2", on, v2)).assertOk();
        assertTrue(generated.out().contains("Generating"), "v2 must differ from v1:\n" + generated.out());
        Path script;
        try (Stream<Path> files = Files.list(migrations.resolve("versions"))) {
            script = files.filter(p -> p.getFileName().toString().contains("_v2_")).findFirst().orElseThrow();
        }
        assertGolden(edit, Files.readString(script));

        Cli.run(args("upgrade", "head", on)).assertOk();
        Cli.Result check = Cli.run(args("check", on, v2));
        assertEquals(0, check.exitCode(), "check after upgrade must be clean:\n" + check.out() + check.err());
        SchemaSnapshot after = Catalogs.ignoringColumnOrder(Catalogs.read(db));
        assertEquals(fresh(edit, v2, work), after, "the upgraded catalog must equal a fresh build of v2");
        assertEquals(2, count(db, KEEPER_ROWS), "rows in untouched tables survive the upgrade");
        seed(edit, "check-v2.sql", db);

        Cli.run(args("downgrade", "-1", on)).assertOk();
        assertEquals(before, Catalogs.ignoringColumnOrder(Catalogs.read(db)), "the downgrade must restore the v1 catalog");
        assertEquals(2, count(db, KEEPER_ROWS), "rows in untouched tables survive the downgrade");
        assertEquals("v1\n", Cli.run(args("current", on)).assertOk().out());
        PostgresServer.dropDatabase(db);
    }

    /** v2 built from nothing, in its own database and migrations folder. */
    private static SchemaSnapshot fresh(String edit, List<String> model, Path work) {
        TestDatabase db = PostgresServer.createDatabase(edit + "_fresh");
        List<String> on = args("--url", db.url(), "--migrations", work.resolve("fresh"), "--model-classpath", testClasses());
        Cli.run(args("revision", "--autogenerate", "-m", "fresh", on, model)).assertOk();
        Cli.run(args("upgrade", "head", on)).assertOk();
        SchemaSnapshot s = Catalogs.ignoringColumnOrder(Catalogs.read(db));
        PostgresServer.dropDatabase(db);
        return s;
    }

    /** Optional SQL for an edit: rows to keep, or assertions as queries that must return true. */
    private static void seed(String edit, String name, TestDatabase db) throws IOException, SQLException {
        Path file = Path.of("src/test/resources/corpus", edit, name);
        if (!Files.exists(file)) {
            return;
        }
        for (String sql : Files.readString(file).split(";\\s*\\n")) {
            if (sql.isBlank()) continue;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                if (sql.strip().toUpperCase().startsWith("SELECT")) {
                    try (ResultSet rs = s.executeQuery(sql)) {
                        assertTrue(rs.next() && rs.getBoolean(1), edit + "/" + name + " must hold: " + sql.strip());
                    }
                } else {
                    s.execute(sql);
                }
            }
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The script must equal the golden file, but for the creation date and the version of the Hibernate
     * that read the model. Set -Ddiffgen.golden.update=true to rewrite.
     */
    static void assertGolden(String name, String script) throws IOException {
        String actual = script.lines().filter(l -> !l.startsWith("-- Create Date:"))
                .map(l -> l.replaceAll("logicalFilePath:\\S+", "logicalFilePath:<file>"))
                .map(l -> l.replaceAll("^-- Model: Hibernate ORM \\S+", "-- Model: Hibernate ORM <version>"))
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append).toString();
        Path golden = GOLDEN.resolve(name + ".sql");
        if (Boolean.getBoolean("diffgen.golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("diffgen.golden.update")) {
                throw new AssertionError("no golden file for " + name + ": wrote " + golden + "; review it and run again");
            }
        }
        assertEquals(Files.readString(golden), actual, "the script for " + name + " differs from " + golden);
    }

    static Path testClasses() {
        try {
            return Path.of(ModelEditRoundTripTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}

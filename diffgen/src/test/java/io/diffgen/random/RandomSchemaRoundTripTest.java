package io.diffgen.random;

import org.junit.jupiter.api.Tag;
import io.diffgen.Catalogs;
import io.diffgen.catalog.Canonicalizer;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.diff.Change;
import io.diffgen.diff.Differ;
import io.diffgen.lint.Linter;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionScript;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import io.diffgen.Trials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random pairs of schemas (A, and B made from A by random edits) on real PostgreSQL: create A, apply
 * the generated A-to-B revision, the catalog equals B and a re-diff is empty, the downgrade restores
 * A exactly, and rows in untouched tables survive both ways. Trials: 200 in the suite, or
 * {@code -Ddiffgen.random.trials} ({@code make soak} runs 2,000 from a new seed).
 */
@Tag("postgres")
class RandomSchemaRoundTripTest {
    private static TestDatabase db;

    @BeforeAll
    static void database() {
        db = PostgresServer.createDatabase("random_round_trip");
    }

    @AfterAll
    static void drop() {
        PostgresServer.dropDatabase(db);
    }

    /** One to eight random edits, each a kind and three numbers below 100. */
    static List<RandomSchemas.Edit> edits(java.util.Random draws) {
        List<RandomSchemas.Edit> edits = new java.util.ArrayList<>();
        for (int i = 1 + draws.nextInt(8); i > 0; i--) {
            edits.add(new RandomSchemas.Edit(draws.nextInt(RandomSchemas.Edit.KINDS), draws.nextInt(100), draws.nextInt(100), draws.nextInt(100)));
        }
        return edits;
    }

    @Test
    void roundTrip() {
        Trials.run("diffgen.random.trials", 200, seed -> {
            java.util.Random draws = new java.util.Random(seed);
            long base = draws.nextLong();
            List<RandomSchemas.Edit> edits = edits(draws);
            try {
                check(RandomSchemas.base(base), RandomSchemas.edit(RandomSchemas.base(base), edits));
            } catch (Exception | AssertionError e) {
                List<RandomSchemas.Edit> fewest = fewestFailing(base, edits);
                throw new AssertionError("fails with RandomSchemas.base(" + base + "L) and the edits " + fewest + ": " + e.getMessage(), e);
            }
        });
    }

    /** The failing edits with every edit left out whose absence still fails, for a regression case a reader can follow. */
    private static List<RandomSchemas.Edit> fewestFailing(long base, List<RandomSchemas.Edit> edits) {
        List<RandomSchemas.Edit> fewest = new java.util.ArrayList<>(edits);
        for (int i = fewest.size() - 1; i >= 0 && fewest.size() > 1; i--) {
            List<RandomSchemas.Edit> without = new java.util.ArrayList<>(fewest);
            without.remove(i);
            try {
                check(RandomSchemas.base(base), RandomSchemas.edit(RandomSchemas.base(base), without));
            } catch (Exception | AssertionError stillFails) {
                fewest = without;
            }
        }
        return fewest;
    }

    /** Counterexamples found on the way, kept as fixed regression cases. */
    @Test
    void regressions() throws Exception {
        // reserved-word table with an identity key and a partial DESC index, then a type change under a check
        SchemaSnapshot a = RandomSchemas.base(42L);
        check(a, RandomSchemas.edit(a, List.of(new RandomSchemas.Edit(4, 0, 1, 3), new RandomSchemas.Edit(7, 0, 2, 4))));
        check(a, RandomSchemas.edit(a, List.of(new RandomSchemas.Edit(1, 0, 0, 0), new RandomSchemas.Edit(0, 3, 5, 3))));
    }

    static void check(SchemaSnapshot rawA, SchemaSnapshot rawB) throws Exception {
        Path work = Files.createTempDirectory("diffgen-random");
        try (Connection c = db.connect()) {
            reset(c);
            SchemaSnapshot a = Canonicalizer.canonicalize(c, rawA);
            SchemaSnapshot b = Canonicalizer.canonicalize(c, rawB);
            // canonicalising may respell types and expressions, never lose or invent structure
            assertEquals(structure(rawA), structure(a), "canonical A keeps A's structure");
            assertEquals(structure(rawB), structure(b), "canonical B keeps B's structure");
            MigrationsDirectory migrations = new MigrationsDirectory(work.resolve("migrations"));
            Files.createDirectories(migrations.versions());

            write(migrations, "ra", List.of(), Differ.diff(SchemaSnapshot.empty(), a));
            new RevisionRunner(c, migrations, migrations.graph()).upgrade("head", s -> { });
            SchemaSnapshot catalogA = read(c);
            assertEquals(Catalogs.ignoringColumnOrder(a), Catalogs.ignoringColumnOrder(catalogA), "A as created");

            List<String> untouched = a.tables().values().stream()
                    .filter(t -> b.tables().containsKey(t.name()) && b.tables().get(t.name()).equals(t)).map(Table::name).toList();
            for (String t : untouched) {
                execute(c, "INSERT INTO " + io.diffgen.snapshot.Identifiers.quote(t) + " (id) VALUES (1)");
            }

            List<Change> upgrade = Differ.diff(catalogA, b);
            Linter.lint(upgrade); // must not throw on any plan
            write(migrations, "rb", List.of("ra"), upgrade);
            RevisionRunner runner = new RevisionRunner(c, migrations, migrations.graph());
            runner.upgrade("head", s -> { });
            SchemaSnapshot catalogB = read(c);
            assertEquals(Catalogs.ignoringColumnOrder(b), Catalogs.ignoringColumnOrder(catalogB), "the catalog equals B\n" + upgrade);
            assertEquals(List.of(), Differ.diff(catalogB, b), "a re-diff is empty");
            assertRows(c, untouched, "upgrade");

            runner.downgrade("-1", s -> { });
            assertEquals(Catalogs.ignoringColumnOrder(catalogA), Catalogs.ignoringColumnOrder(read(c)), "the downgrade restores A\n" + upgrade);
            assertRows(c, untouched, "downgrade");
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Everything but type spellings and expression texts. */
    static List<String> structure(SchemaSnapshot s) {
        List<String> facts = new java.util.ArrayList<>();
        for (Table t : s.tables().values()) {
            String p = t.name() + ".";
            facts.add(p + " comment=" + t.comment().isPresent() + " pk=" + t.primaryKey().map(k -> k.name() + k.columns()).orElse("-"));
            t.columns().forEach(c -> facts.add(p + c.name() + " null=" + c.nullable() + " default=" + c.defaultExpression().isPresent()
                    + " " + c.identity() + " comment=" + c.comment().orElse("-")));
            t.indexes().forEach(i -> facts.add(p + i.name() + " unique=" + i.unique() + " where=" + i.where().isPresent() + " "
                    + i.keys().stream().map(k -> k.expression() + (k.descending() ? " DESC" : "")).toList()));
            t.uniques().forEach(u -> facts.add(p + u.name() + u.columns()));
            t.checks().forEach(k -> facts.add(p + k.name()));
            t.foreignKeys().forEach(fk -> facts.add(p + fk));
        }
        facts.sort(null);
        return facts;
    }

    private static void write(MigrationsDirectory migrations, String id, List<String> parents, List<Change> upgrade) {
        String file = "2026010" + (parents.isEmpty() ? 1 : 2) + "_000000_" + id + ".sql";
        Revision r = new Revision(id, parents, id, "2026-01-01T00:00:00Z", Optional.empty());
        migrations.write(file, RevisionScript.render(r, file, upgrade, Differ.inverse(upgrade), List.of()));
    }

    private static SchemaSnapshot read(Connection c) throws SQLException {
        return new PgCatalogReader(c).readCurrentSchema();
    }

    private static void reset(Connection c) throws SQLException {
        execute(c, "DROP SCHEMA public CASCADE");
        execute(c, "CREATE SCHEMA public");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void assertRows(Connection c, List<String> tables, String after) throws SQLException {
        for (String t : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + io.diffgen.snapshot.Identifiers.quote(t))) {
                rs.next();
                assertEquals(1, rs.getInt(1), "the row in untouched table " + t + " survives the " + after);
            }
        }
    }
}

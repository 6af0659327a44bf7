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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

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
 * A exactly, and rows in untouched tables survive both ways. Tries: jqwik.tries.default (200 in the
 * suite; make soak runs 2,000).
 */
@Tag("postgres")
class RandomSchemaRoundTripTest {
    private static TestDatabase db;

    @BeforeContainer
    static void database() {
        db = PostgresServer.createDatabase("random_round_trip");
    }

    @AfterContainer
    static void drop() {
        PostgresServer.dropDatabase(db);
    }

    @Provide
    Arbitrary<List<RandomSchemas.Edit>> edits() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 99);
        return Combinators.combine(Arbitraries.integers().between(0, RandomSchemas.Edit.KINDS - 1), n, n, n)
                .as(RandomSchemas.Edit::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void roundTrip(@ForAll long seed, @ForAll("edits") List<RandomSchemas.Edit> edits) throws Exception {
        SchemaSnapshot a = RandomSchemas.base(seed);
        SchemaSnapshot b = RandomSchemas.edit(a, edits);
        check(a, b);
    }

    /** Shrunk counterexamples found on the way, kept as fixed regression cases. */
    @Example
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

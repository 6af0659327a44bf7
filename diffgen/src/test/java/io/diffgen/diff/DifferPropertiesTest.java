package io.diffgen.diff;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;
import io.diffgen.Trials;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of {@link Differ} over small random, well-formed snapshots. Well formed means what the
 * catalog reader produces: members in name order, columns in a fixed order (PostgreSQL's attnum order,
 * which the differ deliberately ignores), unique names, and foreign keys that point at a key.
 */
class DifferPropertiesTest {

    /** Two snapshots; {@code b} is made from {@code a}'s random choices, each redrawn with some probability. */
    record Pair(SchemaSnapshot a, SchemaSnapshot b, double mutation) {
        @Override
        public String toString() {
            return "mutation " + mutation + "\nA = " + a + "\nB = " + b;
        }
    }

    static SchemaSnapshot snapshot(long seed) {
        return Gen.schema(new Choices(new Random(seed), null, 0));
    }

    private static final double[] MUTATIONS = {0.0, 0.0, 0.02, 0.05, 0.1, 0.3, 1.0};

    static Pair pair(long seed) {
        Random draws = new Random(seed);
        long seedA = draws.nextLong();
        long seedB = draws.nextLong();
        double mutation = MUTATIONS[draws.nextInt(MUTATIONS.length)];
        Choices first = new Choices(new Random(seedA), null, 0);
        SchemaSnapshot a = Gen.schema(first);
        SchemaSnapshot b = Gen.schema(new Choices(new Random(seedB), first.recorded, mutation));
        return new Pair(a, b, mutation);
    }

    // ------------------------------------------------------------------ the properties

    @Test
    void diffOfASnapshotWithItselfIsEmpty() {
        Trials.run(500, seed -> {
            SchemaSnapshot a = snapshot(seed);
            assertEquals(List.of(), Differ.diff(a, a));
            // and with an equal copy built separately
            assertEquals(List.of(), Differ.diff(a, SchemaSnapshot.of(a.tables().values(), a.sequences().values())));
        });
    }

    @Test
    void diffIsEmptyExactlyWhenTheSnapshotsAreEqual() {
        Trials.run(1000, seed -> {
            Pair p = pair(seed);
            List<Change> up = Differ.diff(p.a(), p.b());
            assertEquals(p.a().equals(p.b()), up.isEmpty(), () -> "diff: " + up + "\n" + p);
        });
    }

    @Test
    void inverseOfInverseIsTheUpgrade() {
        Trials.run(1000, seed -> {
            Pair p = pair(seed);
            List<Change> up = Differ.diff(p.a(), p.b());
            assertEquals(up, Differ.inverse(Differ.inverse(up)));
            for (Change c : up) {
                assertEquals(c, c.inverse().inverse());
            }
            List<Change> down = Differ.inverse(up);
            for (int i = 0; i < up.size(); i++) {
                assertEquals(up.get(i).inverse(), down.get(up.size() - 1 - i));
            }
        });
    }

    @Test
    void changesComeInPhaseOrder() {
        Trials.run(1000, seed -> {
            Pair p = pair(seed);
            List<Change> up = Differ.diff(p.a(), p.b());
            for (int i = 1; i < up.size(); i++) {
                assertTrue(Differ.phase(up.get(i - 1)) <= Differ.phase(up.get(i)), up::toString);
            }
        });
    }

    /**
     * The upgrade, run in a model of PostgreSQL, turns A into B, and the downgrade turns B back into A,
     * including pairs that swap names or rename an FK over a retyped column (once bugs, now fixed).
     */
    @Test
    void upgradeReachesTheTargetAndDowngradeRestores() {
        Trials.run(1000, seed -> {
            Pair p = pair(seed);
            List<Change> up = Differ.diff(p.a(), p.b());
            assertEquals(SchemaSim.normalized(p.b()), SchemaSim.normalized(SchemaSim.apply(p.a(), up)), p::toString);
            assertEquals(SchemaSim.normalized(p.a()), SchemaSim.normalized(SchemaSim.apply(p.b(), Differ.inverse(up))), p::toString);
        });
    }

    @Test
    void generatorMakesVariedPairs() {
        // guards the generator: the properties above are only worth something if pairs differ in many ways
        Set<Class<?>> kinds = new HashSet<>();
        int equal = 0;
        Random seeds = new Random(42);
        double[] mutations = {0.0, 0.02, 0.05, 0.1, 0.3, 1.0};
        for (int i = 0; i < 3000; i++) {
            Choices first = new Choices(new Random(seeds.nextLong()), null, 0);
            SchemaSnapshot a = Gen.schema(first);
            SchemaSnapshot b = Gen.schema(new Choices(new Random(seeds.nextLong()), first.recorded, mutations[i % mutations.length]));
            if (a.equals(b)) equal++;
            Differ.diff(a, b).forEach(c -> kinds.add(c.getClass()));
        }
        assertTrue(equal > 300, "equal pairs: " + equal);
        for (Class<?> kind : List.of(Change.CreateTable.class, Change.DropTable.class, Change.AddColumn.class, Change.DropColumn.class,
                Change.AlterColumn.class, Change.AddPrimaryKey.class, Change.DropPrimaryKey.class, Change.AddForeignKey.class,
                Change.DropForeignKey.class, Change.AddUnique.class, Change.DropUnique.class, Change.AddCheck.class, Change.DropCheck.class,
                Change.RenameConstraint.class, Change.CreateIndex.class, Change.DropIndex.class, Change.RenameIndex.class,
                Change.SetTableComment.class, Change.CreateSequence.class, Change.DropSequence.class, Change.AlterSequence.class)) {
            assertTrue(kinds.contains(kind), "never generated " + kind.getSimpleName());
        }
        assertNotEquals(0, kinds.size());
    }

    // ------------------------------------------------------------------ generator

    /** Random choices, optionally replaying an earlier run's choices so that B resembles A. */
    static final class Choices {
        final List<Integer> recorded = new ArrayList<>();
        private final Random random;
        private final List<Integer> replay;
        private final double mutation;

        Choices(Random random, List<Integer> replay, double mutation) {
            this.random = random;
            this.replay = replay;
            this.mutation = mutation;
        }

        int next(int bound) {
            int position = recorded.size();
            int value;
            if (replay != null && position < replay.size() && random.nextDouble() >= mutation) {
                value = Math.floorMod(replay.get(position), bound);
            } else {
                value = random.nextInt(bound);
            }
            recorded.add(value);
            return value;
        }

        boolean chance(int outOf) {
            return next(outOf) == 0;
        }

        <T> T pick(List<T> options) {
            return options.get(next(options.size()));
        }
    }

    static final class Gen {
        private static final List<String> TABLES = List.of("t_a", "t_b", "t_c");
        private static final List<ForeignKey.Action> ACTIONS = List.of(ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE,
                ForeignKey.Action.SET_NULL);

        static SchemaSnapshot schema(Choices r) {
            List<Table> tables = new ArrayList<>();
            boolean referenceable = false;
            for (String name : TABLES) {
                boolean present = !r.chance(4);
                Table t = table(name, r, present && !name.equals("t_a") && referenceable);
                if (present) {
                    tables.add(t);
                    if (name.equals("t_a")) {
                        referenceable = t.primaryKey().map(pk -> pk.columns().equals(List.of("id"))).orElse(false);
                    }
                }
            }
            List<Sequence> sequences = new ArrayList<>();
            for (String name : List.of("seq_1", "seq_2")) {
                Sequence s = new Sequence(name, r.pick(List.of(1L, 100L)), r.pick(List.of(1L, 5L)));
                if (!r.chance(2)) sequences.add(s);
            }
            return SchemaSnapshot.of(tables, sequences);
        }

        /** Draws the same number of choices whether or not the table ends up used, so replays stay aligned. */
        private static Table table(String t, Choices r, boolean mayReferenceA) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column("id", r.pick(List.of("integer", "bigint")), false, Optional.empty(),
                    r.pick(List.of(Column.Identity.NONE, Column.Identity.NONE, Column.Identity.BY_DEFAULT)), Optional.empty()));
            Column aId = column(r, "a_id", List.of("integer", "bigint"), List.of("1"));
            Column label = column(r, "label", List.of("text", "character varying(20)", "character varying(40)"), List.of("'x'::text", "''::text"));
            Column qty = column(r, "qty", List.of("integer", "bigint", "numeric(10,2)"), List.of("0", "1"));
            Column note = column(r, "note", List.of("text"), List.of("'n'::text"));
            boolean hasAId = !r.chance(3);
            if (hasAId) columns.add(aId);
            if (!r.chance(3)) columns.add(label);
            if (!r.chance(3)) columns.add(qty);
            if (!r.chance(2)) columns.add(note);
            List<String> names = columns.stream().map(Column::name).toList();

            String pkName = r.pick(List.of(t + "_pkey", t + "_pk"));
            boolean composite = r.chance(6);
            String second = names.get(r.next(names.size()));
            boolean noPk = r.chance(4);
            Optional<PrimaryKey> pk = noPk || composite && second.equals("id") ? Optional.empty()
                    : Optional.of(new PrimaryKey(pkName, composite ? List.of("id", second) : List.of("id")));

            List<UniqueConstraint> uniques = new ArrayList<>();
            for (String u : List.of("uq_" + t + "_1", "uq_" + t + "_2")) {
                UniqueConstraint uc = new UniqueConstraint(u, List.of(names.get(r.next(names.size()))));
                if (r.chance(3)) uniques.add(uc);
            }
            List<CheckConstraint> checks = new ArrayList<>();
            for (String c : List.of("ck_" + t + "_1", "ck_" + t + "_2")) {
                CheckConstraint cc = new CheckConstraint(c, r.pick(List.of("(id > 0)", "(id < 1000)")));
                if (r.chance(3)) checks.add(cc);
            }
            List<Index> indexes = new ArrayList<>();
            for (String i : List.of("ix_" + t + "_1", "ix_" + t + "_2")) {
                String method = r.pick(List.of("btree", "btree", "hash"));
                boolean btree = method.equals("btree");
                String key = names.get(r.next(names.size()));
                boolean descending = r.chance(3);
                boolean unique = r.chance(4);
                boolean partial = r.chance(4);
                Index ix = new Index(i, List.of(new Index.Key(key, btree && descending)),
                        btree && unique, partial ? Optional.of("(id > 0)") : Optional.empty(), method);
                if (r.chance(2)) indexes.add(ix);
            }
            List<ForeignKey> fks = new ArrayList<>();
            ForeignKey fk = new ForeignKey(r.pick(List.of("fk_" + t + "_a", "fk_" + t + "_a2")), List.of("a_id"), "t_a", List.of("id"),
                    r.pick(ACTIONS), ForeignKey.Action.NO_ACTION);
            boolean wantFk = !r.chance(3);
            if (mayReferenceA && hasAId && wantFk) fks.add(fk);
            Optional<String> comment = r.pick(List.of(Optional.<String>empty(), Optional.<String>empty(), Optional.of("tc1"), Optional.of("tc2")));
            return new Table(t, columns, pk, fks, sortedByName(uniques), checks, indexes, comment);
        }

        private static Column column(Choices r, String name, List<String> types, List<String> defaults) {
            String type = r.pick(types);
            boolean nullable = !r.chance(3);
            boolean hasDefault = r.chance(3);
            String defaultText = r.pick(defaults);
            boolean hasComment = r.chance(5);
            String commentText = r.pick(List.of("c1", "it's c2"));
            Optional<String> def = hasDefault ? Optional.of(defaultText) : Optional.empty();
            Optional<String> comment = hasComment ? Optional.of(commentText) : Optional.empty();
            return new Column(name, type, nullable, def, Column.Identity.NONE, comment);
        }

        private static List<UniqueConstraint> sortedByName(List<UniqueConstraint> list) {
            return list.stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList();
        }
    }
}

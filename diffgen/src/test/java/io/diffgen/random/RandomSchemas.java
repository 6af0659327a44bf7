package io.diffgen.random;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random schemas within the supported feature set, as the model reader would produce them (raw
 * spellings): a base schema from a seed, and a second one made by applying a list of edits, so that
 * a failure can be shrunk to the fewest edits.
 */
public final class RandomSchemas {
    /** Names include reserved words on purpose. */
    private static final List<String> TABLE_NAMES = List.of("account", "order", "user", "item", "group", "event", "select", "ledger");
    private static final List<String> COLUMN_NAMES = List.of("name", "type", "timestamp", "amount", "note", "flag", "payload",
            "ref", "day", "code", "value", "position", "label", "level");
    /** Types, each with a default valid for it. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("integer", "7");
        TYPES.put("bigint", "0");
        TYPES.put("smallint", "1");
        TYPES.put("numeric(10,2)", "1.50");
        TYPES.put("numeric(12,4)", "0");
        TYPES.put("text", "'x'");
        TYPES.put("varchar(20)", "'it''s'");
        TYPES.put("varchar(100)", "'open'");
        TYPES.put("boolean", "false");
        TYPES.put("jsonb", "'[]'::jsonb");
        TYPES.put("uuid", "gen_random_uuid()");
        TYPES.put("date", "CURRENT_DATE");
        TYPES.put("timestamp(6) with time zone", "now()");
    }

    private static final Set<String> NUMERIC = Set.of("integer", "bigint", "smallint", "numeric(10,2)", "numeric(12,4)");
    private static final Set<String> TEXTUAL = Set.of("text", "varchar(20)", "varchar(100)");

    /** Whether PostgreSQL can convert a column between the two types with {@code USING col::type}. */
    static boolean castable(String from, String to) {
        if (from.equals(to)) return false;
        boolean fromNum = NUMERIC.contains(from), toNum = NUMERIC.contains(to);
        boolean fromText = TEXTUAL.contains(from), toText = TEXTUAL.contains(to);
        if (fromNum && toNum) return true;
        if (fromText || toText) return true;
        if (from.equals("boolean") && to.equals("integer") || from.equals("integer") && to.equals("boolean")) return true;
        return from.equals("date") && to.startsWith("timestamp") || from.startsWith("timestamp") && to.equals("date");
    }

    private RandomSchemas() {
    }

    /** One edit: what to do, and three numbers that pick where. */
    record Edit(int kind, int a, int b, int c) {
        static final int KINDS = 18;
    }

    public static SchemaSnapshot base(long seed) {
        Random r = new Random(seed);
        Builder b = new Builder();
        int tables = 1 + r.nextInt(3);
        for (int i = 0; i < tables; i++) {
            b.addTable(r.nextInt(100), r.nextInt(100), r.nextInt(100));
            int columns = 1 + r.nextInt(4);
            for (int j = 0; j < columns; j++) {
                b.addColumn(i, r.nextInt(100), r.nextInt(100));
            }
            if (r.nextBoolean()) b.addIndex(i, r.nextInt(100), r.nextInt(100));
            if (r.nextInt(3) == 0) b.addCheck(i, r.nextInt(100), r.nextInt(100));
        }
        return b.snapshot();
    }

    static SchemaSnapshot edit(SchemaSnapshot base, List<Edit> edits) {
        Builder b = new Builder(base);
        for (Edit e : edits) {
            b.apply(e);
        }
        return b.snapshot();
    }

    /** A mutable working copy; every operation keeps the schema valid. */
    static final class Builder {
        private final Map<String, Table> tables = new LinkedHashMap<>();
        /** Column types of the schema the edits start from: a type change must be castable from these. */
        private final Map<String, String> originalTypes = new LinkedHashMap<>();
        /** Names dropped by an edit are not reused: the differ would see an alteration, not a new object. */
        private final Set<String> retired = new java.util.HashSet<>();

        Builder() {
        }

        Builder(SchemaSnapshot s) {
            tables.putAll(s.tables());
            s.tables().values().forEach(t -> t.columns().forEach(c -> originalTypes.put(t.name() + "." + c.name(), c.type())));
        }

        SchemaSnapshot snapshot() {
            return SchemaSnapshot.of(tables.values(), List.of());
        }

        void apply(Edit e) {
            if (tables.isEmpty() && e.kind() != 0) {
                addTable(e.a(), e.b(), e.c());
                return;
            }
            int t = Math.floorMod(e.a(), Math.max(1, tables.size()));
            switch (Math.floorMod(e.kind(), Edit.KINDS)) {
                case 0 -> addTable(e.a(), e.b(), e.c());
                case 1 -> dropTable(t);
                case 2 -> addColumn(t, e.b(), e.c());
                case 3 -> dropColumn(t, e.b());
                case 4 -> changeType(t, e.b(), e.c());
                case 5 -> toggleNullable(t, e.b());
                case 6 -> changeDefault(t, e.b(), e.c());
                case 7 -> addIndex(t, e.b(), e.c());
                case 8 -> dropIndex(t, e.b());
                case 9 -> addUnique(t, e.b(), e.c());
                case 10 -> dropUnique(t, e.b());
                case 11 -> addCheck(t, e.b(), e.c());
                case 12 -> dropCheck(t, e.b());
                case 13 -> changeForeignKeyAction(t, e.b(), e.c());
                case 14 -> addForeignKey(t, e.b(), e.c());
                case 15 -> comment(t, e.b(), e.c());
                case 16 -> renameIndex(t, e.b());
                case 17 -> storage(t, e.b(), e.c());
                default -> throw new IllegalStateException();
            }
        }

        private Table table(int i) {
            return new ArrayList<>(tables.values()).get(i);
        }

        private void put(Table t) {
            tables.put(t.name(), t);
        }

        private static List<Column> plainColumns(Table t) {
            Set<String> fkColumns = new java.util.HashSet<>();
            t.foreignKeys().forEach(fk -> fkColumns.addAll(fk.columns()));
            return t.columns().stream().filter(c -> !c.name().equals("id") && !fkColumns.contains(c.name())).toList();
        }

        void addTable(int a, int b, int c) {
            String name = null;
            for (int i = 0; i < TABLE_NAMES.size(); i++) {
                String candidate = TABLE_NAMES.get(Math.floorMod(a + i, TABLE_NAMES.size()));
                if (!tables.containsKey(candidate) && !retired.contains(candidate)) {
                    name = candidate;
                    break;
                }
            }
            if (name == null) return;
            List<Column> columns = new ArrayList<>();
            columns.add(new Column("id", "integer", false, Optional.empty(),
                    b % 2 == 0 ? Column.Identity.BY_DEFAULT : Column.Identity.NONE, Optional.empty()));
            put(new Table(name, columns, Optional.of(new PrimaryKey(name + "_pkey", List.of("id"))), List.of(), List.of(), List.of(),
                    List.of(), c % 4 == 0 ? Optional.of("the " + name + "'s table") : Optional.empty()));
            if (c % 3 == 0 && tables.size() > 1) {
                addForeignKey(tables.size() - 1, b, c);
            }
        }

        void dropTable(int i) {
            Table victim = table(i);
            tables.remove(victim.name());
            retired.add(victim.name());
            tables.replaceAll((n, t) -> withForeignKeys(t, t.foreignKeys().stream()
                    .filter(fk -> !fk.referencedTable().equals(victim.name())).toList()));
        }

        void addColumn(int i, int b, int c) {
            Table t = table(i);
            String name = null;
            for (int k = 0; k < COLUMN_NAMES.size(); k++) {
                String candidate = COLUMN_NAMES.get(Math.floorMod(b + k, COLUMN_NAMES.size()));
                if (t.column(candidate).isEmpty() && !retired.contains(t.name() + "." + candidate)) {
                    name = candidate;
                    break;
                }
            }
            if (name == null) return;
            String type = new ArrayList<>(TYPES.keySet()).get(Math.floorMod(c, TYPES.size()));
            boolean notNull = c % 3 == 0;
            Optional<String> def = notNull || c % 5 == 0 ? Optional.of(TYPES.get(type)) : Optional.empty();
            List<Column> columns = new ArrayList<>(t.columns());
            columns.add(new Column(name, type, !notNull, def, Column.Identity.NONE,
                    c % 7 == 0 ? Optional.of("what \"" + name + "\" means") : Optional.empty()));
            put(withColumns(t, columns));
        }

        void dropColumn(int i, int b) {
            Table t = table(i);
            List<Column> plain = plainColumns(t);
            if (plain.isEmpty()) return;
            String victim = plain.get(Math.floorMod(b, plain.size())).name();
            retired.add(t.name() + "." + victim);
            put(withoutColumnObjects(withColumns(t, t.columns().stream().filter(c -> !c.name().equals(victim)).toList()), victim));
        }

        void changeType(int i, int b, int c) {
            Table t = table(i);
            List<Column> plain = plainColumns(t);
            if (plain.isEmpty()) return;
            Column col = plain.get(Math.floorMod(b, plain.size()));
            String original = originalTypes.getOrDefault(t.name() + "." + col.name(), col.type());
            List<String> targets = TYPES.keySet().stream()
                    .filter(to -> !to.equals(col.type()) && (to.equals(original) || castable(original, to))).toList();
            if (targets.isEmpty()) return;
            String to = targets.get(Math.floorMod(c, targets.size()));
            Column changed = col.withType(to).withDefault(col.defaultExpression().isPresent() ? TYPES.get(to) : null);
            Table replaced = replaceColumn(t, changed);
            if (!NUMERIC.contains(to)) {
                replaced = withChecks(replaced, replaced.checks().stream().filter(k -> !k.name().endsWith("_" + col.name() + "_min")).toList());
            }
            // an index on a column whose type changes is rebuilt by PostgreSQL; uniques too
            put(replaced);
        }

        void toggleNullable(int i, int b) {
            Table t = table(i);
            List<Column> plain = plainColumns(t);
            if (plain.isEmpty()) return;
            Column col = plain.get(Math.floorMod(b, plain.size()));
            put(replaceColumn(t, col.withNullable(!col.nullable()).withDefault(
                    col.nullable() ? col.defaultExpression().orElse(TYPES.get(col.type())) : col.defaultExpression().orElse(null))));
        }

        void changeDefault(int i, int b, int c) {
            Table t = table(i);
            List<Column> plain = plainColumns(t);
            if (plain.isEmpty()) return;
            Column col = plain.get(Math.floorMod(b, plain.size()));
            String def = c % 2 == 0 && col.nullable() ? null
                    : col.type().contains("char") || col.type().equals("text") ? "'v" + Math.floorMod(c, 10) + "'" : TYPES.get(col.type());
            if (Optional.ofNullable(def).equals(col.defaultExpression()) && def != null && NUMERIC.contains(col.type())) {
                def = Integer.toString(Math.floorMod(c, 50) + 2);
            }
            put(replaceColumn(t, col.withDefault(def)));
        }

        void addIndex(int i, int b, int c) {
            Table t = table(i);
            List<Column> cols = t.columns();
            int n = 1 + Math.floorMod(c, Math.min(2, cols.size()));
            List<Index.Key> keys = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Column col = cols.get(Math.floorMod(b + k, cols.size()));
                Index.Key key = new Index.Key(Identifiers.quote(col.name()), (c + k) % 3 == 0);
                if (keys.stream().noneMatch(x -> x.expression().equals(key.expression()))) keys.add(key);
            }
            String name = "ix_" + t.name() + "_" + Math.floorMod(b * 31 + c, 1000);
            if (t.indexes().stream().anyMatch(x -> x.name().equals(name))) return;
            Optional<String> where = c % 4 == 0 ? Optional.of(keys.get(0).expression() + " IS NOT NULL") : Optional.empty();
            List<Index> indexes = new ArrayList<>(t.indexes());
            indexes.add(new Index(name, keys, c % 5 == 0, where, "btree"));
            put(withIndexes(t, indexes));
        }

        void dropIndex(int i, int b) {
            Table t = table(i);
            if (t.indexes().isEmpty()) return;
            Index victim = t.indexes().get(Math.floorMod(b, t.indexes().size()));
            put(withIndexes(t, t.indexes().stream().filter(x -> x != victim).toList()));
        }

        void renameIndex(int i, int b) {
            Table t = table(i);
            if (t.indexes().isEmpty()) return;
            Index victim = t.indexes().get(Math.floorMod(b, t.indexes().size()));
            String name = victim.name() + "_r";
            if (name.length() > 60) return;
            put(withIndexes(t, t.indexes().stream().map(x -> x == victim ? x.withName(name) : x).toList()));
        }

        void addUnique(int i, int b, int c) {
            Table t = table(i);
            List<Column> plain = plainColumns(t);
            if (plain.isEmpty()) return;
            List<String> cols = new ArrayList<>();
            cols.add(plain.get(Math.floorMod(b, plain.size())).name());
            Column second = plain.get(Math.floorMod(b + 1, plain.size()));
            if (c % 2 == 0 && !cols.contains(second.name())) cols.add(second.name());
            String name = "uq_" + t.name() + "_" + String.join("_", cols);
            if (t.uniques().stream().anyMatch(u -> u.name().equals(name) || u.columns().equals(cols))) return;
            List<UniqueConstraint> uniques = new ArrayList<>(t.uniques());
            uniques.add(new UniqueConstraint(name, cols));
            put(withUniques(t, uniques));
        }

        void dropUnique(int i, int b) {
            Table t = table(i);
            if (t.uniques().isEmpty()) return;
            UniqueConstraint victim = t.uniques().get(Math.floorMod(b, t.uniques().size()));
            put(withUniques(t, t.uniques().stream().filter(u -> u != victim).toList()));
        }

        void addCheck(int i, int b, int c) {
            Table t = table(i);
            List<Column> numeric = plainColumns(t).stream().filter(col -> NUMERIC.contains(col.type())).toList();
            if (numeric.isEmpty()) return;
            Column col = numeric.get(Math.floorMod(b, numeric.size()));
            String name = "ck_" + t.name() + "_" + col.name() + "_min";
            String q = Identifiers.quote(col.name());
            String expression = q + " IS NULL OR " + q + " >= " + (-Math.floorMod(c, 100));
            List<CheckConstraint> checks = new ArrayList<>(t.checks().stream().filter(k -> !k.name().equals(name)).toList());
            checks.add(new CheckConstraint(name, expression));
            put(withChecks(t, checks));
        }

        void dropCheck(int i, int b) {
            Table t = table(i);
            if (t.checks().isEmpty()) return;
            CheckConstraint victim = t.checks().get(Math.floorMod(b, t.checks().size()));
            put(withChecks(t, t.checks().stream().filter(k -> k != victim).toList()));
        }

        void addForeignKey(int i, int b, int c) {
            Table t = table(i);
            List<Table> all = new ArrayList<>(tables.values());
            Table target = all.get(Math.floorMod(b, all.size()));
            String column = "ref_" + target.name() + "_id";
            if (t.column(column).isPresent()) return;
            List<Column> columns = new ArrayList<>(t.columns());
            columns.add(Column.of(column, "integer", true));
            ForeignKey.Action action = List.of(ForeignKey.Action.NO_ACTION, ForeignKey.Action.CASCADE, ForeignKey.Action.SET_NULL,
                    ForeignKey.Action.RESTRICT).get(Math.floorMod(c, 4));
            List<ForeignKey> fks = new ArrayList<>(t.foreignKeys());
            fks.add(new ForeignKey("fk_" + t.name() + "_" + column, List.of(column), target.name(), List.of("id"), action,
                    ForeignKey.Action.NO_ACTION));
            put(withForeignKeys(withColumns(t, columns), fks));
        }

        void changeForeignKeyAction(int i, int b, int c) {
            Table t = table(i);
            if (t.foreignKeys().isEmpty()) {
                addForeignKey(i, b, c);
                return;
            }
            ForeignKey fk = t.foreignKeys().get(Math.floorMod(b, t.foreignKeys().size()));
            ForeignKey.Action action = fk.onDelete() == ForeignKey.Action.CASCADE ? ForeignKey.Action.SET_NULL : ForeignKey.Action.CASCADE;
            put(withForeignKeys(t, t.foreignKeys().stream().map(f -> f == fk
                    ? new ForeignKey(f.name(), f.columns(), f.referencedTable(), f.referencedColumns(), action, f.onUpdate()) : f).toList()));
        }

        void comment(int i, int b, int c) {
            Table t = table(i);
            if (b % 2 == 0) {
                Optional<String> text = t.comment().isPresent() ? Optional.empty() : Optional.of("it's table #" + c);
                put(new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), text,
                        t.ownedSequences(), t.storage()));
            } else {
                Column col = t.columns().get(Math.floorMod(c, t.columns().size()));
                put(replaceColumn(t, col.withComment(col.comment().isPresent() ? null : "column's \"note\" " + c)));
            }
        }

        /** A table's or one of its indexes' storage parameters: fillfactor set, changed or reset, autovacuum toggled. */
        void storage(int i, int b, int c) {
            Table t = table(i);
            List<String> parameters = List.<List<String>>of(List.of(), List.of("fillfactor=" + (50 + Math.floorMod(c, 50))),
                    List.of("autovacuum_enabled=false", "fillfactor=90")).get(Math.floorMod(b, 3));
            if (t.indexes().isEmpty() || b % 2 == 0) {
                put(t.withStorage(parameters));
            } else {
                Index index = t.indexes().get(Math.floorMod(c, t.indexes().size()));
                List<String> forIndex = parameters.stream().filter(p -> p.startsWith("fillfactor=")).toList();
                put(withIndexes(t, t.indexes().stream().map(x -> x == index ? x.withStorage(forIndex) : x).toList()));
            }
        }

        private static Table replaceColumn(Table t, Column changed) {
            return withColumns(t, t.columns().stream().map(c -> c.name().equals(changed.name()) ? changed : c).toList());
        }

        private static Table withoutColumnObjects(Table t, String column) {
            String quoted = Identifiers.quote(column);
            return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(),
                    t.uniques().stream().filter(u -> !u.columns().contains(column)).toList(),
                    t.checks().stream().filter(k -> !k.name().endsWith("_" + column + "_min")).toList(),
                    t.indexes().stream().filter(x -> x.keys().stream().noneMatch(k -> k.expression().equals(quoted))).toList(),
                    t.comment(), t.ownedSequences(), t.storage());
        }

        private static Table withColumns(Table t, List<Column> columns) {
            return new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment(), t.ownedSequences(), t.storage());
        }

        private static Table withIndexes(Table t, List<Index> indexes) {
            return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), indexes, t.comment(), t.ownedSequences(), t.storage());
        }

        private static Table withUniques(Table t, List<UniqueConstraint> uniques) {
            return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), uniques, t.checks(), t.indexes(), t.comment(), t.ownedSequences(), t.storage());
        }

        private static Table withChecks(Table t, List<CheckConstraint> checks) {
            return new Table(t.name(), t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), checks, t.indexes(), t.comment(), t.ownedSequences(), t.storage());
        }

        private static Table withForeignKeys(Table t, List<ForeignKey> fks) {
            return new Table(t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), t.checks(), t.indexes(), t.comment(), t.ownedSequences(), t.storage());
        }
    }
}

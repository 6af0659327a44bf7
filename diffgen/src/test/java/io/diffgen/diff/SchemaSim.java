package io.diffgen.diff;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small model of what PostgreSQL would do with a list of changes, for tests: it applies each change
 * to a snapshot and refuses, as PostgreSQL would, what cannot run at that point (a name that is taken
 * or missing, a dependency that is still there, a type change under a live foreign key), and also
 * insists that every change's recorded "before" state is the state it meets, which is what makes the
 * inverse exact.
 */
final class SchemaSim {

    /** A change PostgreSQL would refuse, or whose recorded state does not match. */
    static final class Refused extends AssertionError {
        Refused(String message) {
            super(message);
        }
    }

    private final Map<String, Table> tables = new TreeMap<>();
    private final Map<String, Sequence> sequences = new TreeMap<>();

    private SchemaSim(SchemaSnapshot start) {
        tables.putAll(start.tables());
        sequences.putAll(start.sequences());
    }

    /** The snapshot after the changes, or {@link Refused} naming the first change that could not run. */
    static SchemaSnapshot apply(SchemaSnapshot start, List<Change> changes) {
        SchemaSim sim = new SchemaSim(start);
        for (int i = 0; i < changes.size(); i++) {
            try {
                sim.apply(changes.get(i));
            } catch (Refused e) {
                throw new Refused("change #" + i + " (" + changes.get(i).summary() + ") refused: " + e.getMessage()
                        + "\nall changes:\n" + String.join("\n", changes.stream().map(Change::summary).toList()));
            }
        }
        return SchemaSnapshot.of(sim.tables.values(), sim.sequences.values());
    }

    /** Columns and members in name order: what PostgreSQL cannot reorder, no test should see. */
    static SchemaSnapshot normalized(SchemaSnapshot s) {
        List<Table> ts = s.tables().values().stream().map(t -> new Table(t.name(),
                sorted(t.columns(), Column::name), t.primaryKey(), sorted(t.foreignKeys(), ForeignKey::name),
                sorted(t.uniques(), UniqueConstraint::name), sorted(t.checks(), CheckConstraint::name),
                sorted(t.indexes(), Index::name), t.comment(), List.of(), t.storage())).toList();
        return SchemaSnapshot.of(ts, s.sequences().values());
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key)).toList();
    }

    private static void require(boolean condition, String message) {
        if (!condition) throw new Refused(message);
    }

    // ------------------------------------------------------------------ names

    /** pg_class names: tables, indexes (including those behind PK and unique constraints), sequences. */
    private Set<String> relationNames() {
        Set<String> names = new HashSet<>(sequences.keySet());
        for (Table t : tables.values()) {
            names.add(t.name());
            t.primaryKey().ifPresent(pk -> names.add(pk.name()));
            t.uniques().forEach(u -> names.add(u.name()));
            t.indexes().forEach(i -> names.add(i.name()));
        }
        return names;
    }

    private static Set<String> constraintNames(Table t) {
        Set<String> names = new HashSet<>();
        t.primaryKey().ifPresent(pk -> names.add(pk.name()));
        t.foreignKeys().forEach(f -> names.add(f.name()));
        t.uniques().forEach(u -> names.add(u.name()));
        t.checks().forEach(c -> names.add(c.name()));
        return names;
    }

    private Table table(String name) {
        Table t = tables.get(name);
        require(t != null, "relation " + name + " does not exist");
        return t;
    }

    private static Table with(Table t, List<Column> columns, Optional<PrimaryKey> pk, List<ForeignKey> fks, List<UniqueConstraint> uniques,
                              List<CheckConstraint> checks, List<Index> indexes, Optional<String> comment) {
        return new Table(t.name(), columns, pk, fks, uniques, checks, indexes, comment, t.ownedSequences(), t.storage());
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> minus(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        require(copy.remove(item), "no such object " + item);
        return copy;
    }

    private static boolean usesColumnKey(Index i, String column) {
        return i.keys().stream().anyMatch(k -> k.expression().equals(Identifiers.quote(column)));
    }

    /** FKs anywhere that point at the table's columns. */
    private List<ForeignKey> referencing(String table) {
        List<ForeignKey> found = new ArrayList<>();
        for (Table t : tables.values()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable().equals(table)) found.add(fk);
            }
        }
        return found;
    }

    private static boolean hasKeyOn(Table t, List<String> columns) {
        Set<String> wanted = new HashSet<>(columns);
        return t.primaryKey().map(pk -> new HashSet<>(pk.columns()).equals(wanted)).orElse(false)
                || t.uniques().stream().anyMatch(u -> new HashSet<>(u.columns()).equals(wanted));
    }

    // ------------------------------------------------------------------ changes

    private void apply(Change change) {
        if (change instanceof Change.CreateTable c) {
            Table t = c.table();
            require(!relationNames().contains(t.name()), "relation " + t.name() + " already exists");
            Set<String> taken = relationNames();
            t.primaryKey().ifPresent(pk -> require(!taken.contains(pk.name()), "relation " + pk.name() + " already exists"));
            t.uniques().forEach(u -> require(!taken.contains(u.name()), "relation " + u.name() + " already exists"));
            require(t.indexes().isEmpty() && t.foreignKeys().isEmpty(), "CreateTable carries indexes or foreign keys");
            tables.put(t.name(), t);
        } else if (change instanceof Change.DropTable c) {
            Table current = table(c.table().name());
            require(normalizedTable(current).equals(normalizedTable(c.table())),
                    "table " + current.name() + " is " + current + ", the change expects " + c.table());
            for (ForeignKey fk : referencing(current.name())) {
                require(false, "foreign key " + fk.name() + " still depends on table " + current.name());
            }
            tables.remove(current.name());
        } else if (change instanceof Change.RenameTable c) {
            Table t = table(c.from());
            require(!relationNames().contains(c.to()), "relation " + c.to() + " already exists");
            tables.remove(c.from());
            tables.put(c.to(), t.withName(c.to()));
            tables.replaceAll((n, x) -> with(x, x.columns(), x.primaryKey(), x.foreignKeys().stream()
                    .map(fk -> fk.referencedTable().equals(c.from())
                            ? new ForeignKey(fk.name(), fk.columns(), c.to(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()) : fk)
                    .toList(), x.uniques(), x.checks(), x.indexes(), x.comment()));
        } else if (change instanceof Change.AddColumn c) {
            Table t = table(c.table());
            require(t.column(c.column().name()).isEmpty(), "column " + c.column().name() + " already exists");
            tables.put(t.name(), with(t, plus(t.columns(), c.column()), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                    t.indexes(), t.comment()));
        } else if (change instanceof Change.DropColumn c) {
            Table t = table(c.table());
            String name = c.column().name();
            require(t.column(name).equals(Optional.of(c.column())), "column " + name + " is " + t.column(name) + ", expected " + c.column());
            require(t.primaryKey().map(pk -> !pk.columns().contains(name)).orElse(true), "primary key uses " + name);
            require(t.uniques().stream().noneMatch(u -> u.columns().contains(name)), "a unique constraint uses " + name);
            require(t.foreignKeys().stream().noneMatch(f -> f.columns().contains(name)), "a foreign key uses " + name);
            require(t.indexes().stream().noneMatch(i -> usesColumnKey(i, name)), "an index uses " + name);
            require(referencing(t.name()).stream().noneMatch(f -> f.referencedColumns().contains(name)), "a foreign key points at " + name);
            tables.put(t.name(), with(t, minus(t.columns(), c.column()), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                    t.indexes(), t.comment()));
        } else if (change instanceof Change.RenameColumn c) {
            renameColumn(c);
        } else if (change instanceof Change.AlterColumn c) {
            Table t = table(c.table());
            String name = c.from().name();
            require(t.column(name).equals(Optional.of(c.from())), "column " + name + " is " + t.column(name) + ", expected " + c.from());
            if (!c.from().type().equals(c.to().type())) {
                for (Table other : tables.values()) {
                    for (ForeignKey fk : other.foreignKeys()) {
                        boolean local = other.name().equals(t.name()) && fk.columns().contains(name);
                        boolean remote = fk.referencedTable().equals(t.name()) && fk.referencedColumns().contains(name);
                        require(!local && !remote, "cannot change the type of " + t.name() + "." + name
                                + ": foreign key " + fk.name() + " on " + other.name() + " uses it");
                    }
                }
            }
            tables.put(t.name(), with(t, t.columns().stream().map(x -> x.name().equals(name) ? c.to() : x).toList(), t.primaryKey(),
                    t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment()));
        } else if (change instanceof Change.AddPrimaryKey c) {
            Table t = table(c.table());
            require(t.primaryKey().isEmpty(), "table " + t.name() + " already has a primary key");
            require(!relationNames().contains(c.key().name()), "relation " + c.key().name() + " already exists");
            require(!constraintNames(t).contains(c.key().name()), "constraint " + c.key().name() + " already exists");
            c.key().columns().forEach(col -> require(t.column(col).isPresent(), "column " + col + " does not exist"));
            tables.put(t.name(), with(t, t.columns(), Optional.of(c.key()), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment()));
        } else if (change instanceof Change.DropPrimaryKey c) {
            Table t = table(c.table());
            require(t.primaryKey().equals(Optional.of(c.key())), "primary key is " + t.primaryKey() + ", expected " + c.key());
            Table without = with(t, t.columns(), Optional.empty(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment());
            for (ForeignKey fk : referencing(t.name())) {
                require(hasKeyOn(without, fk.referencedColumns()), "foreign key " + fk.name() + " depends on " + c.key().name());
            }
            tables.put(t.name(), without);
        } else if (change instanceof Change.AddForeignKey c) {
            Table t = table(c.table());
            ForeignKey fk = c.key();
            require(!constraintNames(t).contains(fk.name()), "constraint " + fk.name() + " already exists");
            fk.columns().forEach(col -> require(t.column(col).isPresent(), "column " + col + " does not exist"));
            Table target = table(fk.referencedTable());
            fk.referencedColumns().forEach(col -> require(target.column(col).isPresent(), "column " + target.name() + "." + col + " does not exist"));
            require(hasKeyOn(target, fk.referencedColumns()), "no unique constraint matching given keys for referenced table " + target.name());
            Table updated = tables.get(t.name());
            tables.put(t.name(), with(updated, updated.columns(), updated.primaryKey(), plus(updated.foreignKeys(), fk), updated.uniques(),
                    updated.checks(), updated.indexes(), updated.comment()));
        } else if (change instanceof Change.DropForeignKey c) {
            Table t = table(c.table());
            require(t.foreignKeys().contains(c.key()), "constraint " + c.key().name() + " of " + t.name() + " does not exist as " + c.key()
                    + " (have " + t.foreignKeys() + ")");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), minus(t.foreignKeys(), c.key()), t.uniques(), t.checks(), t.indexes(),
                    t.comment()));
        } else if (change instanceof Change.AddUnique c) {
            Table t = table(c.table());
            require(!relationNames().contains(c.constraint().name()), "relation " + c.constraint().name() + " already exists");
            require(!constraintNames(t).contains(c.constraint().name()), "constraint " + c.constraint().name() + " already exists");
            c.constraint().columns().forEach(col -> require(t.column(col).isPresent(), "column " + col + " does not exist"));
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), plus(t.uniques(), c.constraint()), t.checks(), t.indexes(),
                    t.comment()));
        } else if (change instanceof Change.DropUnique c) {
            Table t = table(c.table());
            require(t.uniques().contains(c.constraint()), "constraint " + c.constraint() + " does not exist");
            Table without = with(t, t.columns(), t.primaryKey(), t.foreignKeys(), minus(t.uniques(), c.constraint()), t.checks(), t.indexes(),
                    t.comment());
            for (ForeignKey fk : referencing(t.name())) {
                require(hasKeyOn(without, fk.referencedColumns()), "foreign key " + fk.name() + " depends on " + c.constraint().name());
            }
            tables.put(t.name(), without);
        } else if (change instanceof Change.AddCheck c) {
            Table t = table(c.table());
            require(!constraintNames(t).contains(c.check().name()), "constraint " + c.check().name() + " already exists");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), plus(t.checks(), c.check()), t.indexes(),
                    t.comment()));
        } else if (change instanceof Change.DropCheck c) {
            Table t = table(c.table());
            require(t.checks().contains(c.check()), "constraint " + c.check() + " does not exist");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), minus(t.checks(), c.check()), t.indexes(),
                    t.comment()));
        } else if (change instanceof Change.RenameConstraint c) {
            Table t = table(c.table());
            require(constraintNames(t).contains(c.from()), "constraint " + c.from() + " of " + t.name() + " does not exist");
            require(!constraintNames(t).contains(c.to()), "constraint " + c.to() + " of " + t.name() + " already exists");
            boolean hasIndex = t.primaryKey().map(pk -> pk.name().equals(c.from())).orElse(false)
                    || t.uniques().stream().anyMatch(u -> u.name().equals(c.from()));
            if (hasIndex) require(!relationNames().contains(c.to()), "relation " + c.to() + " already exists");
            tables.put(t.name(), with(t, t.columns(),
                    t.primaryKey().map(pk -> pk.name().equals(c.from()) ? new PrimaryKey(c.to(), pk.columns()) : pk),
                    t.foreignKeys().stream().map(f -> f.name().equals(c.from()) ? f.withName(c.to()) : f).toList(),
                    t.uniques().stream().map(u -> u.name().equals(c.from()) ? new UniqueConstraint(c.to(), u.columns()) : u).toList(),
                    t.checks().stream().map(x -> x.name().equals(c.from()) ? new CheckConstraint(c.to(), x.expression()) : x).toList(),
                    t.indexes(), t.comment()));
        } else if (change instanceof Change.CreateIndex c) {
            Table t = table(c.table());
            require(!relationNames().contains(c.index().name()), "relation " + c.index().name() + " already exists");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), plus(t.indexes(), c.index()),
                    t.comment()));
        } else if (change instanceof Change.DropIndex c) {
            Table t = table(c.table());
            require(t.indexes().contains(c.index()), "index " + c.index() + " does not exist (have " + t.indexes() + ")");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), minus(t.indexes(), c.index()),
                    t.comment()));
        } else if (change instanceof Change.RenameIndex c) {
            Table t = table(c.table());
            require(t.indexes().stream().anyMatch(i -> i.name().equals(c.from())), "index " + c.from() + " does not exist");
            require(!relationNames().contains(c.to()), "relation " + c.to() + " already exists");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                    t.indexes().stream().map(i -> i.name().equals(c.from()) ? i.withName(c.to()) : i).toList(), t.comment()));
        } else if (change instanceof Change.SetTableComment c) {
            Table t = table(c.table());
            require(t.comment().equals(c.from()), "comment is " + t.comment() + ", expected " + c.from());
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), c.to()));
        } else if (change instanceof Change.SetStorage c) {
            Table t = table(c.table());
            if (c.index().isEmpty()) {
                require(t.storage().equals(c.from()), "storage is " + t.storage() + ", expected " + c.from());
                tables.put(t.name(), t.withStorage(c.to()));
            } else {
                Index index = t.indexes().stream().filter(i -> i.name().equals(c.index().get())).findFirst()
                        .orElseThrow(() -> new Refused("index " + c.index().get() + " does not exist"));
                require(index.storage().equals(c.from()), "index storage is " + index.storage() + ", expected " + c.from());
                tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                        t.indexes().stream().map(i -> i == index ? i.withStorage(c.to()) : i).toList(), t.comment()));
            }
        } else if (change instanceof Change.CreateSequence c) {
            require(!relationNames().contains(c.sequence().name()), "relation " + c.sequence().name() + " already exists");
            sequences.put(c.sequence().name(), c.sequence());
        } else if (change instanceof Change.DropSequence c) {
            require(c.sequence().equals(sequences.get(c.sequence().name())), "sequence " + c.sequence() + " does not exist");
            sequences.remove(c.sequence().name());
        } else if (change instanceof Change.AlterSequence c) {
            require(c.from().equals(sequences.get(c.from().name())), "sequence " + c.from() + " does not exist");
            sequences.put(c.to().name(), c.to());
        } else if (change instanceof Change.ValidateConstraint c) {
            Table t = table(c.table());
            require(constraintNames(t).contains(c.name()), "constraint " + c.name() + " of " + t.name() + " does not exist");
        } else if (change instanceof Change.NoChange) {
            // nothing happens
        } else if (change instanceof Change.SetNotNullValidated c) {
            Table t = table(c.table());
            require(t.checks().contains(c.helper()), "constraint " + c.helper() + " does not exist");
            tables.put(t.name(), with(t, t.columns().stream().map(col -> col.name().equals(c.column()) ? col.withNullable(false) : col).toList(),
                    t.primaryKey(), t.foreignKeys(), t.uniques(), minus(t.checks(), c.helper()), t.indexes(), t.comment()));
        } else if (change instanceof Change.DropNotNullKeepingCheck c) {
            Table t = table(c.table());
            require(!constraintNames(t).contains(c.helper().name()), "constraint " + c.helper().name() + " already exists");
            tables.put(t.name(), with(t, t.columns().stream().map(col -> col.name().equals(c.column()) ? col.withNullable(true) : col).toList(),
                    t.primaryKey(), t.foreignKeys(), t.uniques(), plus(t.checks(), c.helper()), t.indexes(), t.comment()));
        } else if (change instanceof Change.AttachUnique c) {
            Table t = table(c.table());
            require(t.indexes().contains(c.constraint().asIndex()), "index " + c.constraint().name() + " does not exist");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), plus(t.uniques(), c.constraint()), t.checks(),
                    minus(t.indexes(), c.constraint().asIndex()), t.comment()));
        } else if (change instanceof Change.AttachPrimaryKey c) {
            Table t = table(c.table());
            require(t.primaryKey().isEmpty(), "table " + t.name() + " already has a primary key");
            require(t.indexes().contains(c.index()), "index " + c.key().name() + " does not exist");
            tables.put(t.name(), with(t, t.columns(), Optional.of(c.key()), t.foreignKeys(), t.uniques(), t.checks(),
                    minus(t.indexes(), c.index()), t.comment()));
        } else if (change instanceof Change.DetachPrimaryKey c) {
            Table t = table(c.table());
            require(t.primaryKey().equals(Optional.of(c.key())), "primary key " + c.key() + " does not exist");
            tables.put(t.name(), with(t, t.columns(), Optional.empty(), t.foreignKeys(), t.uniques(), t.checks(),
                    plus(t.indexes(), c.index()), t.comment()));
        } else if (change instanceof Change.DetachUnique c) {
            Table t = table(c.table());
            require(t.uniques().contains(c.constraint()), "constraint " + c.constraint() + " does not exist");
            tables.put(t.name(), with(t, t.columns(), t.primaryKey(), t.foreignKeys(), minus(t.uniques(), c.constraint()), t.checks(),
                    plus(t.indexes(), c.constraint().asIndex()), t.comment()));
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
    }

    private static Table normalizedTable(Table t) {
        return normalized(SchemaSnapshot.of(List.of(t), List.of())).tables().get(t.name());
    }

    /** What PostgreSQL does to a table's own objects, and to FKs elsewhere, when a column is renamed. */
    private void renameColumn(Change.RenameColumn c) {
        Table t = table(c.table());
        require(t.column(c.from()).isPresent(), "column " + c.from() + " does not exist");
        require(t.column(c.to()).isEmpty(), "column " + c.to() + " already exists");
        Function<List<String>, List<String>> cols = list -> list.stream().map(x -> x.equals(c.from()) ? c.to() : x).toList();
        Pattern word = Pattern.compile("(?<![\\w\"])" + Pattern.quote(c.from()) + "(?![\\w\"])");
        Function<String, String> expr = e -> word.matcher(e).replaceAll(Matcher.quoteReplacement(c.to()));
        Table renamed = new Table(t.name(),
                t.columns().stream().map(x -> x.name().equals(c.from()) ? x.withName(c.to()) : x).toList(),
                t.primaryKey().map(pk -> new PrimaryKey(pk.name(), cols.apply(pk.columns()))),
                t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), cols.apply(f.columns()), f.referencedTable(), f.referencedColumns(),
                        f.onDelete(), f.onUpdate())).toList(),
                t.uniques().stream().map(u -> new UniqueConstraint(u.name(), cols.apply(u.columns()))).toList(),
                t.checks().stream().map(x -> new CheckConstraint(x.name(), expr.apply(x.expression()))).toList(),
                t.indexes().stream().map(i -> new Index(i.name(), i.keys().stream()
                        .map(k -> k.expression().equals(Identifiers.quote(c.from())) ? new Index.Key(Identifiers.quote(c.to()), k.descending()) : k)
                        .toList(), i.unique(), i.where().map(expr), i.method(), i.include(), i.storage())).toList(),
                t.comment(), t.ownedSequences(), t.storage());
        tables.put(t.name(), renamed);
        tables.replaceAll((n, x) -> with(x, x.columns(), x.primaryKey(), x.foreignKeys().stream()
                .map(fk -> fk.referencedTable().equals(c.table())
                        ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), cols.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate())
                        : fk).toList(), x.uniques(), x.checks(), x.indexes(), x.comment()));
        Objects.requireNonNull(tables.get(t.name()));
    }
}

package io.diffgen.diff;

import io.diffgen.diff.Change.Aspect;
import io.diffgen.model.Rename;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.OwnedSequence;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two canonical snapshots and returns the changes that turn {@code from} into {@code to}, in
 * an order PostgreSQL can execute. Pure: no I/O.
 */
public final class Differ {

    /**
     * How to diff. {@code online}: the online forms on tables that exist before the revision (see
     * {@link #onlineForms}), so writes are not blocked while rows are read. {@code generatedNames}
     * ({@code table.name}) are the target's constraint and index names that the model did not choose:
     * such an object matches a database object of the same definition under any name, so a schema
     * another tool created is not reported as renames. {@code ownSchema} names the database's own
     * schema, for moves into it; null where no database is at hand. {@code namedInRevisions} says
     * whether the project's revision scripts contain a word (always yes where they are not known): a
     * database name that merely looks like diffgen's convention but no revision wrote was chosen by
     * another tool, and is kept.
     */
    public record Options(List<Rename> renames, boolean online, Set<String> generatedNames, String ownSchema,
                          Predicate<String> namedInRevisions) {
        public Options {
            renames = List.copyOf(renames);
            generatedNames = Set.copyOf(generatedNames);
        }

        public Options(List<Rename> renames, boolean online, Set<String> generatedNames, String ownSchema) {
            this(renames, online, generatedNames, ownSchema, name -> true);
        }

        public Options(List<Rename> renames, boolean online) {
            this(renames, online, Set.of(), null);
        }

        public static Options defaults() {
            return new Options(List.of(), false);
        }

        boolean generated(String table, String name) {
            return generatedNames.contains(table + "." + name);
        }

        /** A conventional name that a revision wrote (or, with no revisions known, any conventional name). */
        boolean diffgensOwn(String name) {
            return conventional(name) && inRevisions(name);
        }

        /** Whether a revision names {@code name} (unqualified); true when no revisions are known. */
        boolean inRevisions(String name) {
            return namedInRevisions.test(name);
        }
    }

    /**
     * Whether a database object's name is one diffgen's own conventions give ({@code <table>_pkey},
     * {@code fk_}/{@code uq_}/{@code ix_...}, {@code <table>_<column>_check}): a stale one of those
     * (after a table rename, say) is renamed to the current convention; any other name was chosen by
     * whoever created the object, and is kept.
     */
    static boolean conventional(String name) {
        return name.endsWith("_pkey") || name.startsWith("fk_") || name.startsWith("uq_") || name.startsWith("ix_")
                || name.matches(".*_check\\d*");
    }

    private Differ() {
    }

    public static List<Change> diff(SchemaSnapshot from, SchemaSnapshot to) {
        return diff(from, to, Options.defaults());
    }

    public static List<Change> diff(SchemaSnapshot from, SchemaSnapshot to, Options options) {
        List<Change> changes = new ArrayList<>();
        // a schema the database lacks is created; one the model no longer uses is left alone, with whatever is in it
        to.schemas().stream().filter(schema -> !from.schemas().contains(schema)).forEach(schema -> changes.add(new Change.CreateSchema(schema)));
        Map<String, Table> current = new LinkedHashMap<>(from.tables());

        applyRenames(current, to, options, changes);
        renameEnumLabelsInDefaults(current, from, to, options.renames());

        for (Table target : to.tables().values()) {
            Table existing = current.get(target.name());
            if (existing == null) {
                changes.add(new Change.CreateTable(target.withoutIndexesAndForeignKeys()));
                target.indexes().forEach(i -> changes.add(new Change.CreateIndex(target.name(), i, false)));
                target.foreignKeys().forEach(fk -> changes.add(new Change.AddForeignKey(target.name(), fk)));
            } else {
                diffTable(existing, target, options, changes);
            }
        }
        for (Table old : current.values()) {
            if (!to.tables().containsKey(old.name())) {
                old.foreignKeys().forEach(fk -> changes.add(new Change.DropForeignKey(old.name(), fk)));
                old.indexes().forEach(i -> changes.add(new Change.DropIndex(old.name(), i, false)));
                changes.add(new Change.DropTable(old.withoutIndexesAndForeignKeys()));
            }
        }
        diffSequences(from, to, options, changes);
        diffEnums(from, to, options.renames(), changes);
        // the columns of a type as its change runs: the tables kept, under their new names, before the column changes
        diffComposites(from, to, SchemaSnapshot.of(current.values().stream().filter(t -> to.tables().containsKey(t.name())).toList(), List.of()),
                changes);
        rebuildForeignKeysAroundTypeChanges(to, changes);
        if (options.online()) {
            onlineForms(changes);
        }
        untangleRenames(changes);
        return order(changes);
    }

    private static void applyRenames(Map<String, Table> current, SchemaSnapshot to, Options options, List<Change> changes) {
        List<Rename> renames = options.renames();
        for (Rename rename : renames) {
            if (rename instanceof Rename.OfTable r && current.containsKey(r.from()) && !current.containsKey(r.to())
                    && to.tables().containsKey(r.to())) {
                changes.add(new Change.RenameTable(r.from(), r.to(), options.ownSchema()));
                Map<String, Table> renamed = new LinkedHashMap<>();
                current.forEach((name, table) -> {
                    Table t = name.equals(r.from()) ? table.withName(r.to()) : table;
                    renamed.put(t.name(), retargetForeignKeys(t, r.from(), r.to(), null, null));
                });
                current.clear();
                current.putAll(renamed);
            }
        }
        for (Rename rename : renames) {
            if (rename instanceof Rename.OfColumn r) {
                Table table = current.get(r.table());
                Optional<Table> target = to.table(r.table());
                if (table != null && target.isPresent() && table.column(r.from()).isPresent() && table.column(r.to()).isEmpty()
                        && target.get().column(r.to()).isPresent()) {
                    changes.add(new Change.RenameColumn(r.table(), r.from(), r.to()));
                    current.replaceAll((name, t) -> retargetForeignKeys(
                            name.equals(r.table()) ? renameColumn(t, r.from(), r.to()) : t, null, null, r.table(), r));
                }
            }
        }
    }

    /** What PostgreSQL does to a table's own objects when one of its columns is renamed. */
    private static Table renameColumn(Table t, String from, String to) {
        Function<List<String>, List<String>> cols = list -> list.stream().map(c -> c.equals(from) ? to : c).toList();
        String quotedFrom = Identifiers.quote(from);
        String quotedTo = Identifiers.quote(to);
        Pattern word = Pattern.compile("(?<![\\w\"])" + Pattern.quote(from) + "(?![\\w\"])");
        return new Table(t.name(),
                t.columns().stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList(),
                t.primaryKey().map(pk -> new PrimaryKey(pk.name(), cols.apply(pk.columns()))),
                t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), cols.apply(fk.columns()), fk.referencedTable(),
                        fk.referencedColumns(), fk.onDelete(), fk.onUpdate())).toList(),
                t.uniques().stream().map(u -> new UniqueConstraint(u.name(), cols.apply(u.columns()))).toList(),
                t.checks().stream().map(c -> new CheckConstraint(c.name(),
                        word.matcher(c.expression().replace(quotedFrom, quotedTo)).replaceAll(Matcher.quoteReplacement(to)))).toList(),
                t.indexes().stream().map(i -> new Index(i.name(), i.keys().stream()
                        .map(k -> k.expression().equals(quotedFrom) ? k.withExpression(quotedTo) : k).toList(),
                        i.unique(), i.where().map(w -> word.matcher(w).replaceAll(Matcher.quoteReplacement(to))), i.method(),
                        cols.apply(i.include()), i.storage())).toList(),
                t.comment(),
                t.ownedSequences().stream().map(o -> o.column().equals(from) ? new OwnedSequence(to, o.sequence(), o.dataType()) : o).toList(),
                t.storage());
    }

    /** FKs that point at a renamed table or column follow it. */
    private static Table retargetForeignKeys(Table t, String fromTable, String toTable, String columnTable, Rename.OfColumn column) {
        List<ForeignKey> fks = t.foreignKeys().stream().map(fk -> {
            String refTable = fk.referencedTable();
            List<String> refColumns = fk.referencedColumns();
            if (fromTable != null && refTable.equals(fromTable)) {
                refTable = toTable;
            }
            if (column != null && refTable.equals(columnTable)) {
                refColumns = refColumns.stream().map(c -> c.equals(column.from()) ? column.to() : c).toList();
            }
            return new ForeignKey(fk.name(), fk.columns(), refTable, refColumns, fk.onDelete(), fk.onUpdate());
        }).toList();
        return t.withForeignKeys(fks);
    }

    private static void diffTable(Table from, Table to, Options options, List<Change> changes) {
        String table = to.name();
        for (Column target : to.columns()) {
            Optional<Column> existing = from.column(target.name());
            if (existing.isEmpty()) {
                changes.add(new Change.AddColumn(table, target));
                continue;
            }
            Column current = existing.get();
            Optional<OwnedSequence> serial = serialBecomingIdentity(from, current, target);
            if (serial.isPresent()) {
                changes.add(new Change.SerialIdentity(table, current.name(), serial.get(), current.defaultExpression().get(), target.identity(), true));
                current = current.withDefault(null).withIdentity(target.identity());
            }
            if (!current.equals(target)) {
                changes.add(new Change.AlterColumn(table, current, target));
            }
        }
        for (Column old : from.columns()) {
            if (to.column(old.name()).isEmpty()) {
                changes.add(new Change.DropColumn(table, old));
            }
        }

        if (!from.primaryKey().equals(to.primaryKey())) {
            PrimaryKey a = from.primaryKey().orElse(null);
            PrimaryKey b = to.primaryKey().orElse(null);
            // the same columns in another order are the same key: rebuilding it would lock the table for no change
            // in behaviour, so the order is kept and reported (DG016) rather than changed
            if (a != null && b != null && a.sameColumns(b)) {
                if (!a.name().equals(b.name()) && (!options.generated(table, b.name()) || options.diffgensOwn(a.name()))) {
                    changes.add(new Change.RenameConstraint(table, a.name(), b.name()));
                }
            } else {
                if (a != null) changes.add(new Change.DropPrimaryKey(table, a));
                if (b != null) changes.add(new Change.AddPrimaryKey(table, b));
            }
        }

        // a target whose name the model did not choose adopts a database object's name that is not diffgen's own
        BiPredicate<String, String> adoptable = (target, existing) -> options.generated(table, target) && !options.diffgensOwn(existing);
        matchByNameThenShape(from.foreignKeys(), to.foreignKeys(), ForeignKey::name, ForeignKey::sameShape, adoptable,
                (a, b) -> new Change.RenameConstraint(table, a.name(), b.name()),
                fk -> new Change.AddForeignKey(table, fk), fk -> new Change.DropForeignKey(table, fk), changes);
        matchByNameThenShape(from.uniques(), to.uniques(), UniqueConstraint::name, (a, b) -> a.columns().equals(b.columns()), adoptable,
                (a, b) -> new Change.RenameConstraint(table, a.name(), b.name()),
                u -> new Change.AddUnique(table, u), u -> new Change.DropUnique(table, u), changes);
        matchByNameThenShape(from.checks(), to.checks(), CheckConstraint::name, (a, b) -> a.expression().equals(b.expression()), adoptable,
                (a, b) -> new Change.RenameConstraint(table, a.name(), b.name()),
                c -> new Change.AddCheck(table, c), c -> new Change.DropCheck(table, c), changes);
        List<Kept<Index>> keptIndexes = matchByNameThenShape(from.indexes(), to.indexes(), Index::name, Index::sameShape, adoptable,
                (a, b) -> new Change.RenameIndex(table, a.name(), b.name()),
                i -> new Change.CreateIndex(table, i, options.online()),
                i -> new Change.DropIndex(table, i, false), changes);
        // an index kept (under its name, a new name, or the database's) has its storage parameters set in place
        for (Kept<Index> kept : keptIndexes) {
            if (!kept.existing().storage().equals(kept.target().storage())) {
                changes.add(new Change.SetStorage(table, Optional.of(kept.name()), kept.existing().storage(), kept.target().storage()));
            }
        }

        if (!from.comment().equals(to.comment())) {
            changes.add(new Change.SetTableComment(table, from.comment(), to.comment()));
        }
        if (!from.storage().equals(to.storage())) {
            changes.add(new Change.SetStorage(table, Optional.empty(), from.storage(), to.storage()));
        }
    }

    /** The column's own sequence, where a serial column (its default takes from that sequence) becomes an identity column. */
    private static Optional<OwnedSequence> serialBecomingIdentity(Table from, Column existing, Column target) {
        if (existing.identity() != Column.Identity.NONE || target.identity() == Column.Identity.NONE || target.defaultExpression().isPresent()) {
            return Optional.empty();
        }
        return from.ownedSequences().stream().filter(o -> o.column().equals(existing.name()))
                .filter(o -> existing.defaultExpression().filter(d -> d.equals("nextval(" + Identifiers.literal(
                        Identifiers.quoteQualified(Identifiers.sibling(from.name(), o.sequence().name()))) + "::regclass)")).isPresent())
                .findFirst();
    }

    /**
     * Objects with the same name and shape are equal; same name but another shape is a drop and an
     * add; what is left is paired by shape: where {@code adopts} (the target's name and the database
     * object's) says so, the database object keeps its name, and other pairs are renames. The rest is
     * dropped or added. Returns the pairs kept, each with the name it has after the changes.
     */
    private static <T> List<Kept<T>> matchByNameThenShape(List<T> from, List<T> to, Function<T, String> name, BiPredicate<T, T> sameShape,
                                                 BiPredicate<String, String> adopts,
                                                 BiFunction<T, T, Change> rename, Function<T, Change> add, Function<T, Change> drop,
                                                 List<Change> changes) {
        List<Kept<T>> kept = new ArrayList<>();
        List<T> unmatchedFrom = new ArrayList<>();
        List<T> unmatchedTo = new ArrayList<>(to);
        for (T old : from) {
            Optional<T> sameName = unmatchedTo.stream().filter(t -> name.apply(t).equals(name.apply(old))).findFirst();
            if (sameName.isPresent() && sameShape.test(old, sameName.get())) {
                unmatchedTo.remove(sameName.get());
                kept.add(new Kept<>(old, sameName.get(), name.apply(old)));
            } else {
                unmatchedFrom.add(old);
            }
        }
        for (T old : new ArrayList<>(unmatchedFrom)) {
            Optional<T> twin = unmatchedTo.stream()
                    .filter(t -> sameShape.test(old, t))
                    .findFirst();
            if (twin.isPresent()) {
                boolean adopted = adopts.test(name.apply(twin.get()), name.apply(old));
                if (!adopted) {
                    changes.add(rename.apply(old, twin.get()));
                }
                kept.add(new Kept<>(old, twin.get(), name.apply(adopted ? old : twin.get())));
                unmatchedFrom.remove(old);
                unmatchedTo.remove(twin.get());
            }
        }
        unmatchedFrom.forEach(o -> changes.add(drop.apply(o)));
        unmatchedTo.forEach(t -> changes.add(add.apply(t)));
        return kept;
    }

    /** A database object the diff keeps for a target, and the name it has once the changes ran. */
    private record Kept<T>(T existing, T target, String name) {
    }

    /**
     * Sequences by key. One that disappears from a schema while one of the same name and settings
     * appears in another has moved: SET SCHEMA keeps its current value, where a drop and a create
     * would start it again. A start value that alone differs, on a sequence no revision wrote, is
     * kept: another tool chose it (to start above the rows it loaded, say), and START WITH changes no
     * value the sequence gives, only where RESTART goes.
     */
    private static void diffSequences(SchemaSnapshot from, SchemaSnapshot to, Options options, List<Change> changes) {
        String ownSchema = options.ownSchema();
        Set<String> moved = new HashSet<>();
        for (Sequence target : to.sequences().values()) {
            Sequence existing = from.sequences().get(target.name());
            Optional<Sequence> origin = from.sequences().values().stream()
                    .filter(q -> !to.sequences().containsKey(q.name()) && !moved.contains(q.name())
                            && Identifiers.nameOf(q.name()).equals(Identifiers.nameOf(target.name()))
                            && q.start() == target.start() && q.increment() == target.increment()).findFirst();
            if (existing == null && origin.isPresent() && (ownSchema != null
                    || Identifiers.schemaOf(target.name()).isPresent())) {
                moved.add(origin.get().name());
                changes.add(new Change.MoveSequence(origin.get(), target, ownSchema));
            } else if (existing == null) {
                changes.add(new Change.CreateSequence(target));
            } else if (existing.increment() != target.increment()
                    || existing.start() != target.start() && options.inRevisions(Identifiers.nameOf(target.name()))) {
                changes.add(new Change.AlterSequence(existing, target));
            }
        }
        for (Sequence old : from.sequences().values()) {
            if (!to.sequences().containsKey(old.name()) && !moved.contains(old.name())) {
                changes.add(new Change.DropSequence(old));
            }
        }
    }

    /**
     * Enum types by name. Declared label renames first; then labels only added become ADD VALUE,
     * anything else (a label removed, labels reordered) re-creates the type.
     */
    private static void diffEnums(SchemaSnapshot from, SchemaSnapshot to, List<Rename> renames, List<Change> changes) {
        for (EnumType target : to.enums().values()) {
            EnumType existing = from.enums().get(target.name());
            if (existing == null) {
                changes.add(new Change.CreateEnum(target));
                continue;
            }
            for (Rename rename : renames) {
                if (rename instanceof Rename.OfEnumValue r && r.type().equals(target.name()) && renamesALabel(r, existing, target)) {
                    changes.add(new Change.RenameEnumValue(target.name(), r.from(), r.to()));
                    existing = existing.withValues(existing.values().stream().map(v -> v.equals(r.from()) ? r.to() : v).toList());
                }
            }
            if (existing.equals(target)) continue;
            if (Change.addsOnly(existing, target) && !usesAnyOf(to, target, existing)) {
                changes.add(new Change.AddEnumValues(existing, target, uses(from, existing.name())));
            } else if (Change.addsOnly(existing, target)) {
                // PostgreSQL refuses a label in the transaction that ADDs it: the type is re-created with it instead
                changes.add(new Change.RecreateEnum(existing, target, uses(from, existing.name()), true));
            } else {
                changes.add(new Change.RecreateEnum(existing, target, uses(to, target.name())));
            }
        }
        for (EnumType old : from.enums().values()) {
            if (!to.enums().containsKey(old.name()) && !namedByAColumn(to, old.name())) {
                changes.add(new Change.DropEnum(old));
            }
        }
    }

    /**
     * Composite types by name, created before the types that use them in an attribute and dropped
     * after them; one whose attributes differ is altered, its columns in {@code kept} converted.
     */
    private static void diffComposites(SchemaSnapshot from, SchemaSnapshot to, SchemaSnapshot kept, List<Change> changes) {
        for (CompositeType target : to.compositesInDependencyOrder()) {
            CompositeType existing = from.composites().get(target.name());
            if (existing == null) {
                changes.add(new Change.CreateComposite(target));
            } else if (!existing.equals(target)) {
                changes.add(new Change.AlterComposite(existing, target, uses(kept, target.name())));
            }
        }
        List<CompositeType> dropped = new ArrayList<>(from.compositesInDependencyOrder());
        java.util.Collections.reverse(dropped);
        dropped.stream().filter(old -> !to.composites().containsKey(old.name()) && !namedByAColumn(to, old.name()))
                .forEach(old -> changes.add(new Change.DropComposite(old)));
    }

    /** Whether a column of {@code schema} is of the type, or an array of it: a model's {@code columnDefinition} may name a type it does not create. */
    private static boolean namedByAColumn(SchemaSnapshot schema, String type) {
        String quoted = Identifiers.quote(type);
        return schema.tables().values().stream().flatMap(t -> t.columns().stream())
                .anyMatch(c -> c.type().equals(quoted) || c.type().equals(quoted + "[]"));
    }

    /** Whether a default or CHECK of {@code schema} names a label {@code target} has and {@code existing} has not. */
    private static boolean usesAnyOf(SchemaSnapshot schema, EnumType target, EnumType existing) {
        List<String> literals = target.values().stream().filter(v -> !existing.values().contains(v))
                .map(v -> labelConstant(target.name(), v)).toList();
        for (Table t : schema.tables().values()) {
            for (Column c : t.columns()) {
                if (c.defaultExpression().filter(d -> literals.stream().anyMatch(d::contains)).isPresent()) return true;
            }
            for (CheckConstraint k : t.checks()) {
                if (literals.stream().anyMatch(k.expression()::contains)) return true;
            }
        }
        return false;
    }

    /**
     * A label renamed with RENAME VALUE keeps its OID, so defaults that name it read the new label at
     * once: the database side is read as if the rename had run, or the defaults would be set again.
     */
    private static void renameEnumLabelsInDefaults(Map<String, Table> current, SchemaSnapshot from, SchemaSnapshot to, List<Rename> renames) {
        for (Rename rename : renames) {
            if (!(rename instanceof Rename.OfEnumValue r)) continue;
            EnumType before = from.enums().get(r.type());
            EnumType after = to.enums().get(r.type());
            if (before == null || after == null || !renamesALabel(r, before, after)) continue;
            String type = Identifiers.quote(r.type());
            String old = labelConstant(r.type(), r.from());
            String renamed = labelConstant(r.type(), r.to());
            current.replaceAll((key, t) -> t.withColumns(t.columns().stream()
                    .map(c -> c.type().equals(type) && c.defaultExpression().filter(old::equals).isPresent() ? c.withDefault(renamed) : c).toList()));
        }
    }

    /** Whether the declared rename applies between these two states of its type: the old label there, the new one to come. */
    private static boolean renamesALabel(Rename.OfEnumValue r, EnumType before, EnumType after) {
        return before.values().contains(r.from()) && !before.values().contains(r.to()) && after.values().contains(r.to());
    }

    /** A label as PostgreSQL prints it in a default or CHECK: {@code 'OPEN'::state}. */
    private static String labelConstant(String type, String label) {
        return Identifiers.literal(label) + "::" + Identifiers.quote(type);
    }

    /** The columns of {@code schema} whose type is the enum type {@code name}. */
    private static List<Change.TypeUse> uses(SchemaSnapshot schema, String name) {
        String type = Identifiers.quote(name);
        List<Change.TypeUse> uses = new ArrayList<>();
        for (Table t : schema.tables().values()) {
            for (Column c : t.columns()) {
                if (c.type().equals(type)) uses.add(new Change.TypeUse(t.name(), c.name(), c.defaultExpression()));
            }
        }
        return uses;
    }

    /**
     * The online forms on tables that exist before the revision, each finished by a change the script
     * runs in a later changeset: FKs (also those from a new table to an existing one, which the check
     * would lock) and CHECKs added NOT VALID (no scan, a brief lock) and validated;
     * SET NOT NULL through a validated NOT VALID check; a UNIQUE made from a unique index built
     * CONCURRENTLY, and a PRIMARY KEY too, unless an FK the revision adds references its table; an index dropped CONCURRENTLY, where nothing else in the revision needs it gone first.
     */
    private static void onlineForms(List<Change> changes) {
        Set<String> newTables = Change.tablesCreated(changes);
        Set<String> mustDropFirst = indexesOtherChangesNeedGone(changes);
        // an FK the revision adds needs its referenced key in the main changeset
        Set<String> referenced = new HashSet<>();
        changes.forEach(c -> {
            if (c instanceof Change.AddForeignKey f) referenced.add(f.key().referencedTable());
        });
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c instanceof Change.DropIndex d && !d.concurrently() && !mustDropFirst.contains(d.table() + "." + d.index().name())) {
                changes.set(i, new Change.DropIndex(d.table(), d.index(), true, d.forConstraint()));
                continue;
            }
            if (c instanceof Change.AlterColumn a && !newTables.contains(a.table()) && a.aspects().contains(Aspect.NULLABLE)
                    && !a.to().nullable()) {
                Change.AlterColumn rest = new Change.AlterColumn(a.table(), a.from(), a.to().withNullable(a.from().nullable()));
                if (rest.aspects().isEmpty()) {
                    changes.remove(i--);
                } else {
                    changes.set(i, rest);
                }
                changes.addAll(Change.SetNotNullValidated.online(a.table(), a.to().name()));
                continue;
            }
            if (c instanceof Change.AddPrimaryKey p && !newTables.contains(p.table()) && !referenced.contains(p.table())) {
                Change.AttachPrimaryKey attach = new Change.AttachPrimaryKey(p.table(), p.key());
                changes.set(i, new Change.CreateIndex(p.table(), attach.index(), true, true));
                changes.add(attach);
                continue;
            }
            if (c instanceof Change.AddUnique u && !newTables.contains(u.table())) {
                changes.set(i, new Change.CreateIndex(u.table(), u.constraint().asIndex(), true, true));
                changes.add(new Change.AttachUnique(u.table(), u.constraint()));
                continue;
            }
            // an FK from a new table to an existing one still locks the existing one (SHARE ROW EXCLUSIVE) while it checks
            if (c instanceof Change.AddForeignKey a && !a.notValid()
                    && !(newTables.contains(a.table()) && newTables.contains(a.key().referencedTable()))) {
                changes.set(i, new Change.AddForeignKey(a.table(), a.key(), true));
                changes.add(++i, new Change.ValidateConstraint(a.table(), a.key().name()));
            } else if (c instanceof Change.AddCheck a && !a.notValid() && !newTables.contains(a.table())) {
                changes.set(i, new Change.AddCheck(a.table(), a.check(), true));
                changes.add(++i, new Change.ValidateConstraint(a.table(), a.check().name()));
            }
        }
    }

    /**
     * {@code table.index} of the index drops that must run in the main changeset: on a table the
     * revision drops, or whose columns it drops or retypes (the drop would go with them, or rebuild the
     * index first), or whose name another change of the revision reuses or renames.
     */
    private static Set<String> indexesOtherChangesNeedGone(List<Change> changes) {
        Set<String> reshapedTables = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.DropTable d) reshapedTables.add(d.table().name());
            if (c instanceof Change.DropColumn d) reshapedTables.add(d.table());
            if (c instanceof Change.AlterColumn a && a.aspects().contains(Aspect.TYPE)) reshapedTables.add(a.table());
            if (c instanceof Change.AddUnique u) names.add(u.constraint().name());
            if (c instanceof Change.AddPrimaryKey p) names.add(p.key().name());
            if (c instanceof Change.CreateIndex ci && !ci.concurrently()) names.add(ci.index().name());
            if (c instanceof Change.RenameIndex r) { names.add(r.from()); names.add(r.to()); }
            if (c instanceof Change.RenameConstraint r) { names.add(r.from()); names.add(r.to()); }
        }
        Set<String> needed = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.DropIndex d && (reshapedTables.contains(d.table()) || names.contains(d.index().name()))) {
                needed.add(d.table() + "." + d.index().name());
            }
        }
        return needed;
    }

    /**
     * PostgreSQL cannot change the type of a column an unchanged FK uses while the FK exists: drop the
     * FK first and add it back afterwards.
     */
    private static void rebuildForeignKeysAroundTypeChanges(SchemaSnapshot to, List<Change> changes) {
        Set<String> retyped = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.AlterColumn a && a.aspects().contains(Aspect.TYPE)) {
                retyped.add(a.table() + "." + a.to().name());
            }
        }
        if (retyped.isEmpty()) {
            return;
        }
        Set<String> touched = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.AddForeignKey a) touched.add(a.table() + "." + a.key().name());
            if (c instanceof Change.DropForeignKey d) touched.add(d.table() + "." + d.key().name());
        }
        for (Table table : to.tables().values()) {
            for (ForeignKey fk : table.foreignKeys()) {
                boolean usesRetyped = fk.columns().stream().anyMatch(col -> retyped.contains(table.name() + "." + col))
                        || fk.referencedColumns().stream().anyMatch(col -> retyped.contains(fk.referencedTable() + "." + col));
                if (usesRetyped && !touched.contains(table.name() + "." + fk.name())
                        && changes.stream().noneMatch(c -> c instanceof Change.CreateTable ct && ct.table().name().equals(table.name()))) {
                    // an FK being renamed in the same revision still has its old name when it is dropped
                    Optional<Change> rename = changes.stream().filter(c -> c instanceof Change.RenameConstraint r
                            && r.table().equals(table.name()) && r.to().equals(fk.name())).findFirst();
                    rename.ifPresent(changes::remove);
                    String current = rename.map(r -> ((Change.RenameConstraint) r).from()).orElse(fk.name());
                    changes.add(new Change.DropForeignKey(table.name(), fk.withName(current)));
                    changes.add(new Change.AddForeignKey(table.name(), fk));
                }
            }
        }
    }

    /**
     * Renames run one after another, so a rename onto a name another rename frees (two objects that
     * swap names, or a chain) would collide: those go through a temporary name first. Index and
     * constraint names share one namespace here, as PostgreSQL's index-backed constraints do.
     */
    private static void untangleRenames(List<Change> changes) {
        Set<String> sources = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.RenameIndex r) sources.add(r.from());
            if (c instanceof Change.RenameConstraint r) sources.add(r.from());
        }
        List<Change> first = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            if (c instanceof Change.RenameIndex r && sources.contains(r.to())) {
                String temp = temporaryName(r.from());
                first.add(new Change.RenameIndex(r.table(), r.from(), temp));
                changes.set(i, new Change.RenameIndex(r.table(), temp, r.to()));
            } else if (c instanceof Change.RenameConstraint r && sources.contains(r.to())) {
                String temp = temporaryName(r.from());
                first.add(new Change.RenameConstraint(r.table(), r.from(), temp));
                changes.set(i, new Change.RenameConstraint(r.table(), temp, r.to()));
            }
        }
        // the moves to temporary names must all run before any rename onto a freed name
        changes.addAll(0, first);
    }

    private static String temporaryName(String name) {
        String suffix = "_diffgen_tmp";
        return (name.length() + suffix.length() > 63 ? name.substring(0, 63 - suffix.length()) : name) + suffix;
    }

    /**
     * Execution order: schemas, then renames (a declared rename never targets a name in use, and every
     * later change names the new names), then drops of dependents first, creations of dependencies first.
     */
    static int phase(Change change) {
        return change.accept(PHASE);
    }

    private static final Change.Visitor<Integer> PHASE = new Change.Visitor<>() {
        public Integer createTable(Change.CreateTable c) { return 8; }
        public Integer dropTable(Change.DropTable c) { return 6; }
        public Integer renameTable(Change.RenameTable c) { return -2; } // renames first: later changes name the new names
        public Integer addColumn(Change.AddColumn c) { return 9; }
        public Integer dropColumn(Change.DropColumn c) { return 11; }
        public Integer renameColumn(Change.RenameColumn c) { return -1; }
        public Integer alterColumn(Change.AlterColumn c) { return 10; }
        public Integer addPrimaryKey(Change.AddPrimaryKey c) { return 12; }
        public Integer dropPrimaryKey(Change.DropPrimaryKey c) { return 2; }
        public Integer addForeignKey(Change.AddForeignKey c) { return 15; }
        public Integer dropForeignKey(Change.DropForeignKey c) { return 0; }
        public Integer addUnique(Change.AddUnique c) { return 13; }
        public Integer dropUnique(Change.DropUnique c) { return 2; }
        public Integer addCheck(Change.AddCheck c) { return 13; }
        public Integer dropCheck(Change.DropCheck c) { return 2; }
        public Integer renameConstraint(Change.RenameConstraint c) { return 5; }
        public Integer createIndex(Change.CreateIndex c) { return 14; }
        public Integer dropIndex(Change.DropIndex c) { return 1; }
        public Integer renameIndex(Change.RenameIndex c) { return 5; }
        public Integer setTableComment(Change.SetTableComment c) { return 16; }
        public Integer setStorage(Change.SetStorage c) { return 16; }
        public Integer serialIdentity(Change.SerialIdentity c) { return 10; }
        public Integer createComposite(Change.CreateComposite c) { return 7; }
        public Integer dropComposite(Change.DropComposite c) { return 17; }
        // after the enum types its attributes may use; its columns as they stand before the column changes
        public Integer alterComposite(Change.AlterComposite c) { return 7; }
        public Integer createSequence(Change.CreateSequence c) { return 7; }
        public Integer dropSequence(Change.DropSequence c) { return 17; }
        public Integer alterSequence(Change.AlterSequence c) { return 7; }
        public Integer createEnum(Change.CreateEnum c) { return 7; }
        public Integer dropEnum(Change.DropEnum c) { return 18; }
        public Integer addEnumValues(Change.AddEnumValues c) { return 7; }
        // after the drops found before it, its columns the final ones; or before the column changes that use a label it adds
        public Integer recreateEnum(Change.RecreateEnum c) { return c.beforeColumns() ? 7 : 11; }
        public Integer renameEnumValue(Change.RenameEnumValue c) { return -2; }
        public Integer createSchema(Change.CreateSchema c) { return -3; }
        public Integer moveSequence(Change.MoveSequence c) { return -2; }
        public Integer validateConstraint(Change.ValidateConstraint c) { return 15; } // right after its constraint: stable order
        public Integer setNotNullValidated(Change.SetNotNullValidated c) { return 15; }
        public Integer dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) { return 15; }
        public Integer attachUnique(Change.AttachUnique c) { return 15; } // after the index build it is made from
        public Integer detachUnique(Change.DetachUnique c) { return 15; }
        public Integer attachPrimaryKey(Change.AttachPrimaryKey c) { return 16; } // after its index and its columns' SET NOT NULL
        public Integer detachPrimaryKey(Change.DetachPrimaryKey c) { return 15; }
        public Integer noChange(Change.NoChange c) { return 16; }
        // an expand/contract phase: ExpandContract orders these itself
        public Integer startMove(Change.StartMove c) { return 9; }
        public Integer stopMove(Change.StopMove c) { return 9; }
        public Integer backfill(Change.Backfill c) { return 16; }
        public Integer finishMove(Change.FinishMove c) { return 11; }
        public Integer unfinishMove(Change.UnfinishMove c) { return 11; }
        public Integer dropSchema(Change.DropSchema c) { return 19; }
        // database code goes before any table change (while it still reads what it was made on) and comes after all of
        // them; an extension comes before the tables that may use its types, and goes after them
        public Integer createObject(Change.CreateObject c) { return c.object().kind() == io.diffgen.objects.DbObject.Kind.EXTENSION ? -3 : 20; }
        public Integer dropObject(Change.DropObject c) { return c.object().kind() == io.diffgen.objects.DbObject.Kind.EXTENSION ? 19 : -4; }
        public Integer replaceObject(Change.ReplaceObject c) { return 20; }
    };

    /** The table changes and the database code changes in one execution order. */
    public static List<Change> withObjects(List<Change> tableChanges, List<Change> objectChanges) {
        if (objectChanges.isEmpty()) return tableChanges;
        List<Change> all = new ArrayList<>(tableChanges);
        all.addAll(objectChanges);
        return order(all);
    }

    private static List<Change> order(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes);
        // stable: within a phase, the order the comparison found them (tables by name, then declaration order)
        ordered.sort(Comparator.comparingInt(Differ::phase));
        return List.copyOf(ordered);
    }

    /** The downgrade of an upgrade: the inverses in reverse order. */
    public static List<Change> inverse(List<Change> upgrade) {
        List<Change> downgrade = new ArrayList<>(upgrade.size());
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            downgrade.add(Objects.requireNonNull(upgrade.get(i).inverse()));
        }
        return downgrade;
    }
}

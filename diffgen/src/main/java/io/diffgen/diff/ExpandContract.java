package io.diffgen.diff;

import static io.diffgen.snapshot.Identifiers.display;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.diff.Change.Aspect;
import io.diffgen.lint.TypeWidening;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One revision's changes cut into the two phases of a rolling deploy. The expand phase holds what both
 * versions of the application work with (tables, nullable columns, indexes, looser constraints), and
 * moves a renamed column or a column whose type change rewrites the table into a new column kept in
 * step by a trigger and backfilled in batches. The contract phase holds what only the new version
 * works with: drops, new constraints, SET NOT NULL, the end of each move. A change that neither
 * phase can take is refused by name, before anything is written.
 */
public final class ExpandContract {
    /** Rows per backfill transaction, and the pause between two. */
    public record Backfill(int batchRows, int pauseMillis) {
    }

    /**
     * The two phases, and the changes of the contract that only prepare its downgrade (each moved column made
     * nullable before it goes, and its indexes dropped with it): nothing a reviewer is warned about.
     */
    public record Split(List<Change> expand, List<Change> contract, Set<Change> downgradeSteps) {
        /** The contract's changes the linter reads. */
        public List<Change> contractToLint() {
            return contract.stream().filter(c -> !downgradeSteps.contains(c)).toList();
        }
    }

    private ExpandContract() {
    }

    /**
     * @param changes  the revision's changes in their online forms, in execution order
     * @param database the schema the changes start from
     */
    public static Split split(List<Change> changes, SchemaSnapshot database, Backfill backfill) {
        Set<String> newTables = Change.tablesCreated(changes);
        List<Change> expand = new ArrayList<>();
        List<Change> contract = new ArrayList<>();
        List<Carried> moves = new ArrayList<>();
        Set<Change> downgradeSteps = new HashSet<>();
        Set<Change> folded = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.RenameColumn r) {
                Change.AlterColumn alter = alterOf(changes, r.table(), r.to());
                if (alter != null && alter.aspects().contains(Aspect.TYPE)) {
                    throw unsplittable(r.summary() + " and its type change at once", "rename it in one revision and change its type in the next");
                }
                Column old = column(database, r.table(), r.from());
                Column target = alter == null ? old.withName(r.to()) : alter.to();
                if (alter != null) folded.add(alter);
                moves.add(move(changes, database, r.table(), old, target, r.summary(), backfill));
            } else if (c instanceof Change.AlterColumn a && a.aspects().contains(Aspect.TYPE) && !folded.contains(a)
                    && TypeWidening.of(a.from().type(), a.to().type()) == TypeWidening.REWRITE && !newTables.contains(a.table())) {
                folded.add(a);
                moves.add(move(changes, database, a.table(), a.from(), a.to(), a.summary(), backfill));
            }
        }
        for (Change c : changes) {
            if (folded.contains(c) || c instanceof Change.RenameColumn) continue;
            classify(c, newTables, expand, contract);
        }
        // one backfill per table, which fills all its moves' new columns in one pass (and their downgrade's old ones in another)
        java.util.Map<String, List<Change.Move>> byTable = new java.util.LinkedHashMap<>();
        moves.forEach(carried -> byTable.computeIfAbsent(carried.move().table(), t -> new ArrayList<>()).add(carried.move()));
        for (Carried carried : moves) {
            Change.StartMove start = new Change.StartMove(carried.move());
            expand.add(expandAt(expand, start), start);
        }
        byTable.values().forEach(tableMoves -> expand.add(new Change.Backfill(tableMoves, false)));
        // each index on an old column gets its twin on the new one, built once the backfill is done, renamed into place at the end
        for (Carried carried : moves) {
            carried.indexes().forEach(index -> expand.add(new Change.CreateIndex(carried.move().table(), twin(index, carried.move()), true)));
        }
        java.util.Set<String> backfilledBack = new HashSet<>();
        for (Carried carried : moves) {
            Change.Move m = carried.move();
            Column emptied = new Column(m.from().name(), m.from().type(), true, Optional.empty(), m.from().identity(), m.from().comment());
            Change.AlterColumn loosen = new Change.AlterColumn(m.table(), m.from(), emptied);
            if (!loosen.aspects().isEmpty()) {
                contract.add(0, loosen);
                downgradeSteps.add(loosen);
            }
            if (backfilledBack.add(m.table())) contract.add(new Change.NoChange(new Change.Backfill(byTable.get(m.table()), true)));
            // the old column's DROP takes its indexes with it, under the lock it holds anyway; said so that the downgrade makes them again
            for (Index index : carried.indexes()) {
                Change.DropIndex withColumn = new Change.DropIndex(m.table(), index, false);
                contract.add(withColumn);
                downgradeSteps.add(withColumn);
            }
            contract.add(new Change.FinishMove(m));
            carried.indexes().forEach(index -> contract.add(new Change.RenameIndex(m.table(), twin(index, m).name(), index.name())));
            if (!m.to().nullable()) contract.addAll(Change.SetNotNullValidated.online(m.table(), m.to().name()));
        }
        return new Split(List.copyOf(expand), List.copyOf(contract), Set.copyOf(downgradeSteps));
    }

    /** A move, and the indexes on its old column that it carries to the new one. */
    private record Carried(Change.Move move, List<Index> indexes) {
    }

    /** The index on the move's new column, under a name of its own until the contract renames it. */
    private static Index twin(Index index, Change.Move m) {
        Pattern old = spelled(m.from().name());
        String column = Identifiers.quote(m.newColumn());
        List<Index.Key> keys = index.keys().stream().map(k -> old.matcher(k.expression()).matches() ? k.withExpression(column) : k).toList();
        List<String> include = index.include().stream().map(c -> old.matcher(c).matches() ? column : c).toList();
        return new Index(Identifiers.prefixOfBytes("_dg_new_" + index.name(), Identifiers.MAX_BYTES), keys, index.unique(), index.where(),
                index.method(), include, index.storage());
    }

    /** Where a move's new column goes in the expand phase: before the first change that runs after the column changes. */
    private static int expandAt(List<Change> expand, Change.StartMove start) {
        for (int i = 0; i < expand.size(); i++) {
            if (Differ.phase(expand.get(i)) > Differ.phase(start)) return i;
        }
        return expand.size();
    }

    private static void classify(Change c, Set<String> newTables, List<Change> expand, List<Change> contract) {
        if (c instanceof Change.AddColumn a && !a.column().nullable() && a.column().defaultExpression().isEmpty()
                && a.column().identity() == Column.Identity.NONE && !newTables.contains(a.table())) {
            // the old version's inserts leave it out: nullable until the contract, which checks that every row has one
            expand.add(new Change.AddColumn(a.table(), a.column().withNullable(true)));
            contract.addAll(Change.SetNotNullValidated.online(a.table(), a.column().name()));
            return;
        }
        if (c instanceof Change.DropColumn d && !d.column().nullable() && d.column().defaultExpression().isEmpty()) {
            // the new version's inserts leave it out: nullable from the expand, dropped in the contract
            Column loose = d.column().withNullable(true);
            expand.add(new Change.AlterColumn(d.table(), d.column(), loose));
            contract.add(new Change.DropColumn(d.table(), loose));
            return;
        }
        if (c instanceof Change.AlterColumn a) {
            alterColumn(a, expand, contract);
            return;
        }
        switch (phaseOf(c, newTables)) {
            case EXPAND -> expand.add(c);
            case CONTRACT -> contract.add(c);
            case NEITHER -> throw unsplittable(c.summary(), "write it in a revision without --expand-contract, deployed on its own");
        }
    }

    /**
     * A column change: a looser column (nullable, a new default or comment, a type every value fits without a
     * rewrite) in the expand phase; a narrower type in the contract phase (a rewriting widening is a move).
     */
    private static void alterColumn(Change.AlterColumn a, List<Change> expand, List<Change> contract) {
        if (a.aspects().contains(Aspect.IDENTITY)) {
            throw unsplittable(a.summary(), "write it in a revision without --expand-contract, deployed on its own");
        }
        boolean narrows = a.aspects().contains(Aspect.TYPE) && TypeWidening.of(a.from().type(), a.to().type()) == TypeWidening.NONE;
        (narrows ? contract : expand).add(a);
    }

    private enum Phase { EXPAND, CONTRACT, NEITHER }

    private static Phase phaseOf(Change c, Set<String> newTables) {
        return c.accept(new PhaseOf(newTables));
    }

    /** The phase of every other kind of change; on a new table, constraints come with it (the old version never writes there). */
    private record PhaseOf(Set<String> newTables) implements Change.Visitor<Phase> {
        private Phase unlessNew(String table) {
            return newTables.contains(table) ? Phase.EXPAND : Phase.CONTRACT;
        }

        public Phase createTable(Change.CreateTable c) { return Phase.EXPAND; }
        public Phase dropTable(Change.DropTable c) { return Phase.CONTRACT; }
        public Phase renameTable(Change.RenameTable c) { return Phase.NEITHER; }
        public Phase addColumn(Change.AddColumn c) { return Phase.EXPAND; }
        public Phase dropColumn(Change.DropColumn c) { return Phase.CONTRACT; }
        public Phase renameColumn(Change.RenameColumn c) { return Phase.NEITHER; }
        public Phase alterColumn(Change.AlterColumn c) { return Phase.NEITHER; }
        public Phase addPrimaryKey(Change.AddPrimaryKey c) { return unlessNew(c.table()); }
        public Phase dropPrimaryKey(Change.DropPrimaryKey c) { return Phase.CONTRACT; }
        public Phase addForeignKey(Change.AddForeignKey c) { return unlessNew(c.table()); }
        public Phase dropForeignKey(Change.DropForeignKey c) { return Phase.EXPAND; }
        public Phase addUnique(Change.AddUnique c) { return unlessNew(c.table()); }
        public Phase dropUnique(Change.DropUnique c) { return Phase.EXPAND; }
        public Phase addCheck(Change.AddCheck c) { return unlessNew(c.table()); }
        public Phase dropCheck(Change.DropCheck c) { return Phase.EXPAND; }
        public Phase renameConstraint(Change.RenameConstraint c) { return Phase.EXPAND; }
        public Phase createIndex(Change.CreateIndex c) { return c.forConstraint() ? unlessNew(c.table()) : Phase.EXPAND; }
        public Phase dropIndex(Change.DropIndex c) { return Phase.CONTRACT; }
        public Phase renameIndex(Change.RenameIndex c) { return Phase.EXPAND; }
        public Phase setTableComment(Change.SetTableComment c) { return Phase.EXPAND; }
        public Phase setStorage(Change.SetStorage c) { return Phase.EXPAND; }
        public Phase serialIdentity(Change.SerialIdentity c) { return Phase.NEITHER; }
        public Phase createSequence(Change.CreateSequence c) { return Phase.EXPAND; }
        public Phase dropSequence(Change.DropSequence c) { return Phase.CONTRACT; }
        public Phase alterSequence(Change.AlterSequence c) { return Phase.EXPAND; }
        public Phase createEnum(Change.CreateEnum c) { return Phase.EXPAND; }
        public Phase dropEnum(Change.DropEnum c) { return Phase.CONTRACT; }
        public Phase addEnumValues(Change.AddEnumValues c) { return Phase.EXPAND; }
        public Phase recreateEnum(Change.RecreateEnum c) { return c.removed().isEmpty() ? Phase.EXPAND : Phase.CONTRACT; }
        public Phase renameEnumValue(Change.RenameEnumValue c) { return Phase.NEITHER; }
        public Phase createComposite(Change.CreateComposite c) { return Phase.EXPAND; }
        public Phase dropComposite(Change.DropComposite c) { return Phase.CONTRACT; }
        public Phase alterComposite(Change.AlterComposite c) { return Phase.NEITHER; }
        public Phase createSchema(Change.CreateSchema c) { return Phase.EXPAND; }
        public Phase validateConstraint(Change.ValidateConstraint c) { return unlessNew(c.table()); }
        public Phase moveSequence(Change.MoveSequence c) { return Phase.NEITHER; }
        public Phase setNotNullValidated(Change.SetNotNullValidated c) { return Phase.CONTRACT; }
        public Phase dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) { return Phase.NEITHER; }
        public Phase attachUnique(Change.AttachUnique c) { return Phase.CONTRACT; }
        public Phase detachUnique(Change.DetachUnique c) { return Phase.NEITHER; }
        public Phase attachPrimaryKey(Change.AttachPrimaryKey c) { return Phase.CONTRACT; }
        public Phase detachPrimaryKey(Change.DetachPrimaryKey c) { return Phase.NEITHER; }
        public Phase noChange(Change.NoChange c) { return Phase.NEITHER; }
        public Phase dropSchema(Change.DropSchema c) { return Phase.CONTRACT; }
        // an object made again makes way for a table change: in the phase of the drops and narrowings that need it gone
        public Phase createObject(Change.CreateObject c) { return c.again() ? Phase.CONTRACT : Phase.EXPAND; }
        public Phase dropObject(Change.DropObject c) { return Phase.CONTRACT; }
        public Phase replaceObject(Change.ReplaceObject c) { return Phase.EXPAND; }
        public Phase startMove(Change.StartMove c) { return Phase.NEITHER; }
        public Phase stopMove(Change.StopMove c) { return Phase.NEITHER; }
        public Phase backfill(Change.Backfill c) { return Phase.NEITHER; }
        public Phase finishMove(Change.FinishMove c) { return Phase.NEITHER; }
        public Phase unfinishMove(Change.UnfinishMove c) { return Phase.NEITHER; }
    }

    private static Change.AlterColumn alterOf(List<Change> changes, String table, String column) {
        for (Change c : changes) {
            if (c instanceof Change.AlterColumn a && a.table().equals(table) && a.to().name().equals(column)) return a;
        }
        return null;
    }

    /**
     * A move, carrying the indexes that name the column only as a whole key or INCLUDE column; refused where
     * the column is more than that: a key, in an expression or predicate, constrained, read by other changes.
     */
    private static Carried move(List<Change> changes, SchemaSnapshot database, String table, Column from, Column to, String what,
                                    Backfill backfill) {
        Table t = database.table(table).orElseThrow(() -> unsplittable(what + " on a table the revision creates", "no split is needed"));
        if (t.primaryKey().isEmpty() || t.primaryKey().get().columns().size() != 1) {
            throw unsplittable(what + ": " + display(table) + " has no single-column primary key to backfill it in batches by",
                    "write it in a revision without --expand-contract");
        }
        String key = t.primaryKey().get().columns().get(0);
        Pattern name = spelled(from.name());
        List<String> uses = new ArrayList<>();
        if (key.equals(from.name())) uses.add("the primary key");
        t.foreignKeys().stream().filter(fk -> fk.columns().contains(from.name())).forEach(fk -> uses.add("foreign key " + fk.name()));
        database.tables().values().forEach(other -> other.foreignKeys().stream()
                .filter(fk -> fk.referencedTable().equals(table) && fk.referencedColumns().contains(from.name()))
                .forEach(fk -> uses.add("foreign key " + fk.name() + " of " + display(other.name()))));
        t.uniques().stream().filter(u -> u.columns().contains(from.name())).forEach(u -> uses.add("unique constraint " + u.name()));
        t.checks().stream().filter(ch -> name.matcher(ch.expression()).find()).forEach(ch -> uses.add("check constraint " + ch.name()));
        List<Index> carried = new ArrayList<>();
        for (Index i : t.indexes()) {
            if (!mentions(i, name)) continue;
            if (namesOnlyAsColumn(i, name)) carried.add(i);
            else uses.add("index " + i.name());
        }
        Pattern target = spelled(to.name());
        for (Change c : changes) {
            if (c instanceof Change.DropObject d && d.again() && d.object().table().map(table::equals).orElse(false)) {
                uses.add(d.object().key());
            }
            if (c instanceof Change.CreateIndex i && i.table().equals(table) && (mentions(i.index(), name) || mentions(i.index(), target))) {
                uses.add("new index " + i.index().name());
            }
            if (c instanceof Change.AddUnique u && u.table().equals(table) && (u.constraint().columns().contains(from.name())
                    || u.constraint().columns().contains(to.name()))) {
                uses.add("new unique constraint " + u.constraint().name());
            }
            if (c instanceof Change.AddCheck ch && ch.table().equals(table)
                    && (name.matcher(ch.check().expression()).find() || target.matcher(ch.check().expression()).find())) {
                uses.add("new check constraint " + ch.check().name());
            }
            if (c instanceof Change.AddForeignKey fk && fk.table().equals(table) && (fk.key().columns().contains(from.name())
                    || fk.key().columns().contains(to.name()))) {
                uses.add("new foreign key " + fk.key().name());
            }
        }
        if (from.identity() != Column.Identity.NONE || from.defaultExpression().filter(d -> d.contains("nextval(")).isPresent()) {
            uses.add("its identity or sequence");
        }
        if (!uses.isEmpty()) {
            throw unsplittable(what + ": " + String.join(", ", uses) + " " + (uses.size() == 1 ? "uses" : "use") + " the column, and a move "
                    + "to a new column does not carry them yet", "write it in a revision without --expand-contract");
        }
        return new Carried(new Change.Move(table, from, to, key, backfill.batchRows(), backfill.pauseMillis()), List.copyOf(carried));
    }

    private static boolean namesOnlyAsColumn(Index index, Pattern name) {
        return index.keys().stream().allMatch(k -> !name.matcher(k.expression()).find() || name.matcher(k.expression()).matches())
                && index.include().stream().allMatch(c -> !name.matcher(c).find() || name.matcher(c).matches())
                && index.where().filter(w -> name.matcher(w).find()).isEmpty();
    }

    /** The column's name as an identifier in an expression, quoted or not. */
    private static Pattern spelled(String column) {
        return Pattern.compile("(?<![A-Za-z0-9_$])\"?" + Pattern.quote(column) + "\"?(?![A-Za-z0-9_$])");
    }

    private static boolean mentions(Index index, Pattern name) {
        return index.keys().stream().anyMatch(k -> name.matcher(k.expression()).find()) || index.include().stream().anyMatch(c -> name.matcher(c).find())
                || index.where().filter(w -> name.matcher(w).find()).isPresent();
    }

    private static Column column(SchemaSnapshot database, String table, String name) {
        return database.table(table).flatMap(t -> t.column(name))
                .orElseThrow(() -> new IllegalStateException("no column " + display(table) + "." + name + " in the database"));
    }

    private static DiffgenException unsplittable(String change, String instead) {
        return new DiffgenException(ErrorCode.REFUSED, "cannot split into expand and contract: " + change + "; " + instead);
    }
}

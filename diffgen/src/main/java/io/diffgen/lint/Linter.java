package io.diffgen.lint;

import io.diffgen.diff.Change;
import io.diffgen.snapshot.SchemaSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a planned upgrade and says what in it loses data, locks for long, or may not roll back: one
 * {@link Rule} per diagnostic code. Which rules read each kind of change on its own is said here, in one
 * exhaustive visitor; two rules read the revision as a whole: likely renames (a drop beside a matching
 * add or create) and FKs without an index (against the schema the revision leads to).
 */
public final class Linter {
    private static final Rule.DropTable DROP_TABLE = new Rule.DropTable();
    private static final Rule.DropColumn DROP_COLUMN = new Rule.DropColumn();
    private static final Rule.NarrowingType NARROWING_TYPE = new Rule.NarrowingType();
    private static final Rule.NotNullWithoutDefault NOT_NULL_WITHOUT_DEFAULT = new Rule.NotNullWithoutDefault();
    private static final Rule.SetNotNull SET_NOT_NULL = new Rule.SetNotNull();
    private static final Rule.TableRewrite TABLE_REWRITE = new Rule.TableRewrite();
    private static final Rule.IndexLocksWrites INDEX_LOCKS_WRITES = new Rule.IndexLocksWrites();
    private static final Rule.LikelyRename LIKELY_RENAME = new Rule.LikelyRename();
    private static final Rule.DowngradeMayFail DOWNGRADE_MAY_FAIL = new Rule.DowngradeMayFail();
    private static final Rule.ValidatesExistingRows VALIDATES_EXISTING_ROWS = new Rule.ValidatesExistingRows();
    private static final Rule.EnumValueRemoved ENUM_VALUE_REMOVED = new Rule.EnumValueRemoved();
    private static final Rule.DropSequence DROP_SEQUENCE = new Rule.DropSequence();
    private static final Rule.RenameBreaksClients RENAME_BREAKS_CLIENTS = new Rule.RenameBreaksClients();
    private static final Rule.ForeignKeyWithoutIndex FOREIGN_KEY_WITHOUT_INDEX = new Rule.ForeignKeyWithoutIndex();
    private static final Rule.DropIndexLocks DROP_INDEX_LOCKS = new Rule.DropIndexLocks();
    private static final Rule.PrimaryKeyColumnOrder PRIMARY_KEY_COLUMN_ORDER = new Rule.PrimaryKeyColumnOrder();
    private static final Rule.TriggerLocksWrites TRIGGER_LOCKS_WRITES = new Rule.TriggerLocksWrites();
    private static final Rule.SecurityDefinerSearchPath SECURITY_DEFINER_SEARCH_PATH = new Rule.SecurityDefinerSearchPath();
    private static final Rule.DropMaterializedView DROP_MATERIALIZED_VIEW = new Rule.DropMaterializedView();
    private static final Rule.DropExtension DROP_EXTENSION = new Rule.DropExtension();
    private static final Rule.UndeclaredObject UNDECLARED_OBJECT = new Rule.UndeclaredObject();

    /** Every rule, in code order. */
    static final List<Rule> RULES = List.of(DROP_TABLE, DROP_COLUMN, NARROWING_TYPE, NOT_NULL_WITHOUT_DEFAULT, SET_NOT_NULL, TABLE_REWRITE,
            INDEX_LOCKS_WRITES, LIKELY_RENAME, DOWNGRADE_MAY_FAIL, VALIDATES_EXISTING_ROWS, ENUM_VALUE_REMOVED, DROP_SEQUENCE,
            RENAME_BREAKS_CLIENTS, FOREIGN_KEY_WITHOUT_INDEX, DROP_INDEX_LOCKS, PRIMARY_KEY_COLUMN_ORDER, TRIGGER_LOCKS_WRITES,
            SECURITY_DEFINER_SEARCH_PATH, DROP_MATERIALIZED_VIEW, DROP_EXTENSION, UNDECLARED_OBJECT);

    private Linter() {
    }

    public static List<Diagnostic> lint(List<Change> upgrade) {
        return lint(upgrade, Optional.empty());
    }

    /**
     * The findings of each change in order, then the likely renames across the revision, then, with the
     * schema the revision leads to, the FKs whose columns no index leads.
     */
    public static List<Diagnostic> lint(List<Change> upgrade, Optional<SchemaSnapshot> target) {
        Set<String> droppedTables = new HashSet<>();
        for (Change c : upgrade) {
            if (c instanceof Change.DropTable t) droppedTables.add(t.table().name());
        }
        ByChange byChange = new ByChange(new Rule.Context(Change.tablesCreated(upgrade), droppedTables));
        List<Diagnostic> found = new ArrayList<>();
        for (Change change : upgrade) {
            about(change, change.accept(byChange), found);
        }
        found.addAll(likelyRenames(upgrade));
        target.ifPresent(schema -> upgrade.stream().filter(Change.AddForeignKey.class::isInstance)
                .forEach(a -> about(a, FOREIGN_KEY_WITHOUT_INDEX.added((Change.AddForeignKey) a, schema), found)));
        return List.copyOf(found);
    }

    /** The likely renames among the changes: for a revision split into phases, where the drop and the add land apart. */
    public static List<Diagnostic> likelyRenames(List<Change> upgrade) {
        List<Diagnostic> found = new ArrayList<>();
        for (Change change : upgrade) {
            if (change instanceof Change.DropColumn d) about(d, LIKELY_RENAME.dropped(d, upgrade), found);
            if (change instanceof Change.DropTable d) about(d, LIKELY_RENAME.dropped(d, upgrade), found);
        }
        return found;
    }

    private static void about(Change change, List<Diagnostic> diagnostics, List<Diagnostic> found) {
        diagnostics.forEach(d -> found.add(d.about(change.subject())));
    }

    /** What the comparison of {@code database} with {@code model} leaves as it is on purpose, and says so. */
    public static List<Diagnostic> kept(SchemaSnapshot database, SchemaSnapshot model) {
        return PRIMARY_KEY_COLUMN_ORDER.kept(database, model);
    }

    /** Database code in the database that nothing declares, which the comparison leaves as it is. */
    public static Diagnostic undeclared(io.diffgen.objects.DbObject object) {
        return UNDECLARED_OBJECT.kept(object).get(0);
    }

    private static List<Diagnostic> all(List<Diagnostic> first, List<Diagnostic> second) {
        if (first.isEmpty()) return second;
        if (second.isEmpty()) return first;
        List<Diagnostic> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** The rules each kind of change is read by; a new kind of change does not compile until it is listed here. */
    private record ByChange(Rule.Context context) implements Change.Visitor<List<Diagnostic>> {
        public List<Diagnostic> dropTable(Change.DropTable c) { return DROP_TABLE.dropped(c); }
        public List<Diagnostic> dropColumn(Change.DropColumn c) { return all(DROP_COLUMN.dropped(c), DOWNGRADE_MAY_FAIL.dropped(c, context)); }
        public List<Diagnostic> dropUnique(Change.DropUnique c) { return DOWNGRADE_MAY_FAIL.dropped(c, context); }
        public List<Diagnostic> dropCheck(Change.DropCheck c) { return DOWNGRADE_MAY_FAIL.dropped(c, context); }
        public List<Diagnostic> addColumn(Change.AddColumn c) { return all(NOT_NULL_WITHOUT_DEFAULT.added(c), TABLE_REWRITE.added(c, context)); }
        public List<Diagnostic> alterColumn(Change.AlterColumn c) {
            return all(all(NARROWING_TYPE.altered(c), TABLE_REWRITE.altered(c)), all(DOWNGRADE_MAY_FAIL.altered(c), SET_NOT_NULL.altered(c)));
        }
        public List<Diagnostic> createIndex(Change.CreateIndex c) { return INDEX_LOCKS_WRITES.created(c, context); }
        public List<Diagnostic> dropIndex(Change.DropIndex c) { return DROP_INDEX_LOCKS.dropped(c, context); }
        public List<Diagnostic> addForeignKey(Change.AddForeignKey c) { return VALIDATES_EXISTING_ROWS.added(c, c.notValid(), context); }
        public List<Diagnostic> addCheck(Change.AddCheck c) { return VALIDATES_EXISTING_ROWS.added(c, c.notValid(), context); }
        public List<Diagnostic> addUnique(Change.AddUnique c) { return VALIDATES_EXISTING_ROWS.added(c, false, context); }
        public List<Diagnostic> addPrimaryKey(Change.AddPrimaryKey c) { return VALIDATES_EXISTING_ROWS.added(c, false, context); }
        public List<Diagnostic> recreateEnum(Change.RecreateEnum c) { return all(TABLE_REWRITE.recreated(c), ENUM_VALUE_REMOVED.recreated(c)); }
        public List<Diagnostic> addEnumValues(Change.AddEnumValues c) { return DOWNGRADE_MAY_FAIL.added(c); }
        public List<Diagnostic> alterComposite(Change.AlterComposite c) { return all(DROP_COLUMN.dropped(c), TABLE_REWRITE.recreated(c)); }
        public List<Diagnostic> renameTable(Change.RenameTable c) { return RENAME_BREAKS_CLIENTS.renamed(c); }
        public List<Diagnostic> renameColumn(Change.RenameColumn c) { return RENAME_BREAKS_CLIENTS.renamed(c); }
        public List<Diagnostic> dropSequence(Change.DropSequence c) { return DROP_SEQUENCE.dropped(c); }

        // no rule reads these on their own: creations of new objects, comments, sequences, drops of what depends on nothing
        public List<Diagnostic> createTable(Change.CreateTable c) { return List.of(); }
        public List<Diagnostic> dropPrimaryKey(Change.DropPrimaryKey c) { return List.of(); }
        public List<Diagnostic> dropForeignKey(Change.DropForeignKey c) { return List.of(); }
        public List<Diagnostic> renameConstraint(Change.RenameConstraint c) { return List.of(); }
        public List<Diagnostic> renameIndex(Change.RenameIndex c) { return List.of(); }
        public List<Diagnostic> setTableComment(Change.SetTableComment c) { return List.of(); }
        public List<Diagnostic> setStorage(Change.SetStorage c) { return List.of(); }
        // a catalog change and one setval: no rewrite, no scan
        public List<Diagnostic> serialIdentity(Change.SerialIdentity c) { return List.of(); }
        public List<Diagnostic> createSequence(Change.CreateSequence c) { return List.of(); }
        public List<Diagnostic> alterSequence(Change.AlterSequence c) { return List.of(); }
        public List<Diagnostic> moveSequence(Change.MoveSequence c) { return List.of(); }
        public List<Diagnostic> createEnum(Change.CreateEnum c) { return List.of(); }
        public List<Diagnostic> dropEnum(Change.DropEnum c) { return List.of(); }
        public List<Diagnostic> createComposite(Change.CreateComposite c) { return List.of(); }
        public List<Diagnostic> dropComposite(Change.DropComposite c) { return List.of(); }
        public List<Diagnostic> renameEnumValue(Change.RenameEnumValue c) { return List.of(); }
        public List<Diagnostic> createSchema(Change.CreateSchema c) { return List.of(); }
        public List<Diagnostic> dropSchema(Change.DropSchema c) { return List.of(); }
        public List<Diagnostic> noChange(Change.NoChange c) { return List.of(); }
        public List<Diagnostic> startMove(Change.StartMove c) { return List.of(); }
        public List<Diagnostic> stopMove(Change.StopMove c) { return List.of(); }
        public List<Diagnostic> backfill(Change.Backfill c) { return List.of(); }
        public List<Diagnostic> finishMove(Change.FinishMove c) { return DOWNGRADE_MAY_FAIL.finished(c); }
        public List<Diagnostic> unfinishMove(Change.UnfinishMove c) { return List.of(); }
        // VALIDATE CONSTRAINT reads the table under SHARE UPDATE EXCLUSIVE: reads and writes go on
        public List<Diagnostic> validateConstraint(Change.ValidateConstraint c) { return List.of(); }
        // the online forms: validation without blocking writes, SET NOT NULL without a scan, a constraint from a built index
        public List<Diagnostic> setNotNullValidated(Change.SetNotNullValidated c) { return List.of(); }
        public List<Diagnostic> dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) { return List.of(); }
        public List<Diagnostic> attachUnique(Change.AttachUnique c) { return List.of(); }
        public List<Diagnostic> detachUnique(Change.DetachUnique c) { return List.of(); }
        public List<Diagnostic> attachPrimaryKey(Change.AttachPrimaryKey c) { return List.of(); }
        public List<Diagnostic> detachPrimaryKey(Change.DetachPrimaryKey c) { return List.of(); }
        // a dependent dropped and made again around a change keeps its locks with that change's: only what is new is said
        public List<Diagnostic> createObject(Change.CreateObject c) {
            return all(TRIGGER_LOCKS_WRITES.created(c.object(), context), SECURITY_DEFINER_SEARCH_PATH.made(c.object()));
        }
        public List<Diagnostic> dropObject(Change.DropObject c) {
            return all(DROP_MATERIALIZED_VIEW.dropped(c.object()), DROP_EXTENSION.dropped(c.object()));
        }
        public List<Diagnostic> replaceObject(Change.ReplaceObject c) { return SECURITY_DEFINER_SEARCH_PATH.made(c.to()); }
    }

}

package io.diffgen.lint;

import static io.diffgen.snapshot.Identifiers.display;

import io.diffgen.diff.Change;
import io.diffgen.diff.Change.Aspect;
import io.diffgen.lint.Diagnostic.Code;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A lint rule: one diagnostic code and the checks that write it, one method for each kind of change it
 * reads. A rule writes no other code than its own; the {@link Linter} says which changes reach which rules.
 */
abstract sealed class Rule {
    /** What the rules may ask about the revision beyond the change at hand. */
    record Context(Set<String> newTables, Set<String> droppedTables) {
    }

    private final Code code;

    Rule(Code code) {
        this.code = code;
    }

    final Code code() {
        return code;
    }

    final List<Diagnostic> warn(String message) {
        return List.of(new Diagnostic(code, message));
    }

    final List<Diagnostic> about(String subject, String message) {
        return List.of(new Diagnostic(code, message, subject));
    }

    final List<Diagnostic> warnIf(boolean condition, Supplier<String> message) {
        return condition ? warn(message.get()) : List.of();
    }

    static String where(Change.AlterColumn a) {
        return display(a.table()) + "." + a.to().name();
    }

    static boolean typeChanged(Change.AlterColumn a) {
        return a.aspects().contains(Aspect.TYPE);
    }

    static boolean notNullWithoutDefault(Column col) {
        return !col.nullable() && col.defaultExpression().isEmpty() && col.identity() == Column.Identity.NONE;
    }

    static final class DropTable extends Rule {
        DropTable() {
            super(Code.DG001);
        }

        List<Diagnostic> dropped(Change.DropTable d) {
            return warn("drops table " + display(d.table().name()) + " and all its rows; the downgrade re-creates it empty");
        }
    }

    static final class DropColumn extends Rule {
        DropColumn() {
            super(Code.DG002);
        }

        List<Diagnostic> dropped(Change.DropColumn d) {
            return warn("drops column " + display(d.table()) + "." + d.column().name() + " and its data; the downgrade re-creates it empty");
        }

        List<Diagnostic> dropped(Change.AlterComposite a) {
            return warnIf(!a.dropped().isEmpty() && !a.uses().isEmpty(), () -> "drops attribute "
                    + a.dropped().stream().map(CompositeType.Attribute::name).collect(Collectors.joining(", ")) + " of composite type "
                    + a.to().name() + " and its values in " + columns(a.uses()) + "; the downgrade re-creates it empty");
        }
    }

    static final class NarrowingType extends Rule {
        NarrowingType() {
            super(Code.DG003);
        }

        List<Diagnostic> altered(Change.AlterColumn a) {
            return warnIf(typeChanged(a) && TypeWidening.of(a.from().type(), a.to().type()) == TypeWidening.NONE,
                    () -> "changes " + where(a) + " from " + a.from().type() + " to " + a.to().type()
                            + "; values that do not fit fail the migration or are converted");
        }
    }

    static final class NotNullWithoutDefault extends Rule {
        NotNullWithoutDefault() {
            super(Code.DG004);
        }

        List<Diagnostic> added(Change.AddColumn a) {
            return warnIf(notNullWithoutDefault(a.column()), () -> "adds NOT NULL column " + display(a.table()) + "." + a.column().name()
                    + " without a default; it fails if the table has rows (preflight counts them): give it a default "
                    + "(@ColumnDefault), or split the revision with --expand-contract (added nullable; the contract sets NOT NULL once "
                    + "the existing rows are filled)");
        }
    }

    static final class SetNotNull extends Rule {
        SetNotNull() {
            super(Code.DG005);
        }

        List<Diagnostic> altered(Change.AlterColumn a) {
            return warnIf(a.aspects().contains(Aspect.NULLABLE) && !a.to().nullable(), () -> "SET NOT NULL on " + where(a)
                    + " scans the table under an ACCESS EXCLUSIVE lock and fails if it holds NULLs");
        }
    }

    static final class TableRewrite extends Rule {
        /** The volatile functions a column default commonly calls (now() and CURRENT_TIMESTAMP are stable: no rewrite). */
        private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday)\\s*\\(");

        TableRewrite() {
            super(Code.DG006);
        }

        // a constant default is stored once in the catalog; a volatile one, or an identity, is written into every row
        List<Diagnostic> added(Change.AddColumn a, Context context) {
            Column col = a.column();
            boolean volatileDefault = col.defaultExpression().filter(d -> VOLATILE.matcher(d).find()).isPresent();
            return warnIf(!context.newTables().contains(a.table()) && (volatileDefault || col.identity() != Column.Identity.NONE),
                    () -> "adding " + display(a.table()) + "." + col.name() + " with "
                            + (volatileDefault ? "the volatile default " + col.defaultExpression().get() : "an identity")
                            + " rewrites the table under an ACCESS EXCLUSIVE lock; add it nullable without the default, backfill in batches, then set the default");
        }

        List<Diagnostic> altered(Change.AlterColumn a) {
            TypeWidening widening = TypeWidening.of(a.from().type(), a.to().type());
            return warnIf(typeChanged(a) && widening != TypeWidening.NO_REWRITE,
                    () -> "changing " + where(a) + " to " + a.to().type() + " rewrites the table under an ACCESS EXCLUSIVE lock"
                            + (widening == TypeWidening.REWRITE ? "; unless a key or constraint uses the column, --expand-contract copies it in batches instead" : ""));
        }

        List<Diagnostic> recreated(Change.RecreateEnum r) {
            return warnIf(r.removed().isEmpty(), () -> r.summary() + ": the type is re-created, so the revision can use the new "
                    + "labels at once, and " + rewrittenColumns(r.uses()));
        }

        List<Diagnostic> recreated(Change.AlterComposite a) {
            return warnIf(!a.inPlace() && !a.uses().isEmpty(), () -> a.summary() + ": PostgreSQL only drops or appends attributes "
                    + "of a type in use, so " + rewrittenColumns(a.uses()));
        }
    }

    static final class IndexLocksWrites extends Rule {
        IndexLocksWrites() {
            super(Code.DG007);
        }

        List<Diagnostic> created(Change.CreateIndex i, Context context) {
            return warnIf(!context.newTables().contains(i.table()) && !i.concurrently(), () -> "builds index " + i.index().name()
                    + " on existing table " + display(i.table())
                    + ", blocking writes while it builds; leave out --single-transaction to build it CONCURRENTLY");
        }
    }

    /** A column dropped and one of the same type added in the same table, or a table for one with the same columns, with no declared rename. */
    static final class LikelyRename extends Rule {
        LikelyRename() {
            super(Code.DG008);
        }

        List<Diagnostic> dropped(Change.DropColumn d, List<Change> upgrade) {
            List<Diagnostic> found = new ArrayList<>();
            for (Change other : upgrade) {
                if (other instanceof Change.AddColumn a && a.table().equals(d.table()) && a.column().type().equals(d.column().type())) {
                    found.addAll(warn(display(d.table()) + "." + d.column().name() + " dropped and " + a.column().name()
                            + " added with the same type: if this is a rename, declare @RenamedFrom(\"" + d.column().name()
                            + "\") on the field to keep the data"));
                }
            }
            return found;
        }

        List<Diagnostic> dropped(Change.DropTable d, List<Change> upgrade) {
            List<Diagnostic> found = new ArrayList<>();
            for (Change other : upgrade) {
                if (other instanceof Change.CreateTable t && sameColumns(t.table().columns(), d.table().columns())) {
                    String old = d.table().name();
                    boolean moved = !Identifiers.schemaOf(old).equals(Identifiers.schemaOf(t.table().name()));
                    // a move names the old schema; the database's own is not in the key, so the advice says where to put it
                    String previous = !moved ? Identifiers.nameOf(old)
                            : Identifiers.schemaOf(old).map(schema -> schema + "." + Identifiers.nameOf(old)).orElse("<its schema>." + old);
                    found.addAll(warn("table " + display(old) + " dropped and " + display(t.table().name())
                            + " created with the same columns: if this is a " + (moved ? "move" : "rename") + ", declare @RenamedFrom(\""
                            + previous + "\") on the entity to keep the data"));
                }
            }
            return found;
        }

        private static boolean sameColumns(List<Column> a, List<Column> b) {
            return a.stream().map(c -> c.name() + " " + c.type()).sorted().toList()
                    .equals(b.stream().map(c -> c.name() + " " + c.type()).sorted().toList());
        }
    }

    /** What the downgrade puts back may be refused by rows the upgraded schema let in. */
    static final class DowngradeMayFail extends Rule {
        DowngradeMayFail() {
            super(Code.DG009);
        }

        List<Diagnostic> dropped(Change.DropColumn d, Context context) {
            Column col = d.column();
            return warnIf(notNullWithoutDefault(col) && !context.droppedTables().contains(d.table()), () -> "the downgrade re-adds "
                    + display(d.table()) + "." + col.name() + " NOT NULL without a default; it fails if the table has rows");
        }

        List<Diagnostic> dropped(Change.DropUnique u, Context context) {
            return warnIf(!context.droppedTables().contains(u.table()), () -> "the downgrade re-adds unique constraint "
                    + u.constraint().name() + "; it fails if duplicates were written meanwhile");
        }

        List<Diagnostic> dropped(Change.DropCheck k, Context context) {
            return warnIf(!context.droppedTables().contains(k.table()), () -> "the downgrade re-adds check constraint "
                    + k.check().name() + "; it fails if rows written meanwhile break it");
        }

        List<Diagnostic> altered(Change.AlterColumn a) {
            List<Diagnostic> found = new ArrayList<>();
            String from = a.from().type();
            String to = a.to().type();
            if (typeChanged(a) && TypeWidening.of(from, to) != TypeWidening.NONE && TypeWidening.of(to, from) == TypeWidening.NONE) {
                found.addAll(warn("the downgrade changes " + where(a) + " back to " + from + "; it fails if newer values do not fit"));
            }
            if (a.aspects().contains(Aspect.NULLABLE) && a.to().nullable()) {
                found.addAll(warn("the downgrade sets " + where(a) + " NOT NULL again; it fails if NULLs were written meanwhile"));
            }
            return found;
        }

        /** A type change's move undone: the contract's downgrade copies the values back into the old type. */
        List<Diagnostic> finished(Change.FinishMove f) {
            Change.Move m = f.move();
            return warnIf(!m.renames() && TypeWidening.of(m.to().type(), m.from().type()) == TypeWidening.NONE, () -> "the downgrade copies "
                    + display(m.table()) + "." + m.from().name() + " back into " + m.from().type() + "; it fails if a value written meanwhile does not fit");
        }

        List<Diagnostic> added(Change.AddEnumValues a) {
            return warnIf(!a.uses().isEmpty(), () -> "the downgrade removes " + String.join(", ", a.added())
                    + " from enum type " + a.to().name() + " by re-creating it; it fails if a row holds the value by then");
        }
    }

    static final class ValidatesExistingRows extends Rule {
        ValidatesExistingRows() {
            super(Code.DG010);
        }

        /** A constraint added in full (not NOT VALID) to a table that already has rows. */
        List<Diagnostic> added(Change constraint, boolean notValid, Context context) {
            return warnIf(!notValid && !context.newTables().contains(constraint.subject()),
                    () -> constraint.summary() + " checks every existing row under lock");
        }
    }

    static final class EnumValueRemoved extends Rule {
        EnumValueRemoved() {
            super(Code.DG011);
        }

        List<Diagnostic> recreated(Change.RecreateEnum r) {
            return warnIf(!r.removed().isEmpty(), () -> r.summary() + ": PostgreSQL cannot drop a label, so the type is re-created and "
                    + rewrittenColumns(r.uses()) + "; it fails, changing nothing, if a row holds " + String.join(" or ", r.removed()));
        }
    }

    static String rewrittenColumns(List<Change.TypeUse> uses) {
        return uses.isEmpty() ? "no column uses it" : "every column of it (" + columns(uses) + ") is rewritten under lock";
    }

    private static String columns(List<Change.TypeUse> uses) {
        return uses.stream().map(u -> display(u.table()) + "." + u.column()).collect(Collectors.joining(", "));
    }

    static final class DropSequence extends Rule {
        DropSequence() {
            super(Code.DG012);
        }

        List<Diagnostic> dropped(Change.DropSequence c) {
            return warn("drops sequence " + display(c.sequence().name()) + " and its current value; "
                    + "the downgrade re-creates it at " + c.sequence().start() + ", so ids it already gave out come again");
        }
    }

    static final class RenameBreaksClients extends Rule {
        private static final String OLD_CODE = ": instances still running the old code fail on the old name until they are redeployed; ";

        RenameBreaksClients() {
            super(Code.DG013);
        }

        List<Diagnostic> renamed(Change.RenameTable c) {
            return warn("renames table " + display(c.from()) + " to " + display(c.to()) + OLD_CODE
                    + "deploy code that no longer needs the old name first, or keep a view under it");
        }

        List<Diagnostic> renamed(Change.RenameColumn c) {
            return warn("renames column " + display(c.table()) + "." + c.from() + " to " + c.to() + OLD_CODE
                    + "--expand-contract keeps both names in step until the deploy is over");
        }
    }

    /**
     * An FK the revision adds whose columns lead no index, primary key or unique constraint of its table in
     * the schema the revision leads to: each DELETE or key UPDATE on the referenced table then scans the referencing one.
     */
    static final class ForeignKeyWithoutIndex extends Rule {
        ForeignKeyWithoutIndex() {
            super(Code.DG014);
        }

        List<Diagnostic> added(Change.AddForeignKey a, SchemaSnapshot target) {
            Table table = target.tables().get(a.table());
            if (table == null) return List.of();
            Set<String> fkColumns = Set.copyOf(a.key().columns());
            List<List<String>> leads = new ArrayList<>();
            table.primaryKey().ifPresent(pk -> leads.add(pk.columns()));
            table.uniques().forEach(u -> leads.add(u.columns()));
            table.indexes().stream().filter(i -> i.where().isEmpty())
                    .forEach(i -> leads.add(i.keys().stream().map(k -> Identifiers.unquote(k.expression())).toList()));
            boolean indexed = leads.stream().anyMatch(cols -> cols.size() >= fkColumns.size()
                    && Set.copyOf(cols.subList(0, fkColumns.size())).equals(fkColumns));
            return warnIf(!indexed, () -> "foreign key " + a.key().name() + " on " + display(a.table()) + "["
                    + String.join(", ", a.key().columns()) + "] has no index on its columns: every DELETE or key UPDATE on "
                    + display(a.key().referencedTable()) + " scans " + display(a.table()) + "; add @Index(columnList = \""
                    + String.join(", ", a.key().columns()) + "\")");
        }
    }

    static final class DropIndexLocks extends Rule {
        DropIndexLocks() {
            super(Code.DG015);
        }

        List<Diagnostic> dropped(Change.DropIndex c, Context context) {
            return warnIf(!c.concurrently() && !context.droppedTables().contains(c.table()), () -> "drops index " + c.index().name()
                    + " under an ACCESS EXCLUSIVE lock on " + display(c.table())
                    + ", blocking reads and writes while it waits for the lock; leave out --single-transaction to drop it CONCURRENTLY");
        }
    }

    static final class PrimaryKeyColumnOrder extends Rule {
        PrimaryKeyColumnOrder() {
            super(Code.DG016);
        }

        /** Primary keys of the same columns in another order, which the diff leaves as they are. */
        List<Diagnostic> kept(SchemaSnapshot database, SchemaSnapshot model) {
            List<Diagnostic> found = new ArrayList<>();
            for (Table wanted : model.tables().values()) {
                Table existing = database.tables().get(wanted.name());
                if (existing == null || existing.primaryKey().isEmpty() || wanted.primaryKey().isEmpty()) continue;
                List<String> has = existing.primaryKey().get().columns();
                List<String> wants = wanted.primaryKey().get().columns();
                if (!has.equals(wants) && existing.primaryKey().get().sameColumns(wanted.primaryKey().get())) {
                    found.addAll(about(wanted.name(), "primary key " + existing.primaryKey().get().name() + " on " + display(wanted.name()) + " is ("
                            + String.join(", ", has) + ") where the model has (" + String.join(", ", wants) + "); the same key, so it is "
                            + "kept: rebuilding it would lock the table; write that in a revision of your own if lookups need the other order"));
                }
            }
            return found;
        }
    }

    /** A trigger made on a table that holds rows: CREATE TRIGGER waits for the table's running writes and blocks new ones until COMMIT. */
    static final class TriggerLocksWrites extends Rule {
        TriggerLocksWrites() {
            super(Code.DG017);
        }

        List<Diagnostic> created(io.diffgen.objects.DbObject o, Context context) {
            return warnIf(o.kind() == io.diffgen.objects.DbObject.Kind.TRIGGER && o.table().filter(context.newTables()::contains).isEmpty(),
                    () -> "creates " + o.key() + " under a SHARE ROW EXCLUSIVE lock on " + display(o.table().orElseThrow())
                            + ": it waits for the table's running writes and blocks new ones until the revision commits; keep the "
                            + "revision short (lock_timeout bounds the wait), and run it when the table is quiet");
        }
    }

    /** A SECURITY DEFINER function without its own search_path runs with its owner's rights and its caller's search_path. */
    static final class SecurityDefinerSearchPath extends Rule {
        SecurityDefinerSearchPath() {
            super(Code.DG018);
        }

        List<Diagnostic> made(io.diffgen.objects.DbObject o) {
            return warnIf(o.unpinnedSecurityDefiner(), () -> o.key() + " is SECURITY DEFINER without SET search_path: a caller who "
                    + "can create objects in a schema on their search_path can make it run their code with its owner's rights; "
                    + "add SET search_path = pg_catalog, pg_temp (or the schemas it needs) to its declaration");
        }
    }

    static final class DropMaterializedView extends Rule {
        DropMaterializedView() {
            super(Code.DG019);
        }

        List<Diagnostic> dropped(io.diffgen.objects.DbObject o) {
            return warnIf(o.kind() == io.diffgen.objects.DbObject.Kind.MATERIALIZED_VIEW, () -> "drops " + o.key() + ": its stored rows "
                    + "go, and making it again runs its whole query inside the revision's transaction, holding the locks taken so far");
        }
    }

    static final class DropExtension extends Rule {
        DropExtension() {
            super(Code.DG020);
        }

        List<Diagnostic> dropped(io.diffgen.objects.DbObject o) {
            return warnIf(o.kind() == io.diffgen.objects.DbObject.Kind.EXTENSION, () -> "drops " + o.key() + " with all its functions, "
                    + "types and operators; the downgrade installs it again, empty of any data its objects held");
        }
    }

    /** Database code nobody declares is not diffgen's: it stays, and check says so. */
    static final class UndeclaredObject extends Rule {
        UndeclaredObject() {
            super(Code.DG021);
        }

        List<Diagnostic> kept(io.diffgen.objects.DbObject o) {
            return about(o.key(), o.key() + " is in the database, but no file in migrations/objects declares it and no revision "
                    + "created it: left as it is");
        }
    }
}

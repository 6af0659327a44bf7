package io.diffgen.lint;

import static io.diffgen.snapshot.Identifiers.display;

import io.diffgen.diff.Change;
import io.diffgen.diff.Change.Aspect;
import io.diffgen.lint.Diagnostic.Code;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a planned upgrade and says what in it loses data, locks for long, or may not roll back. */
public final class Linter {
    /** The volatile functions a column default commonly calls (now() and CURRENT_TIMESTAMP are stable: no rewrite). */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(nextval|random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday)\\s*\\(");
    static final Pattern VARCHAR = Pattern.compile("character varying\\((\\d+)\\)");
    static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private Linter() {
    }

    public static List<Diagnostic> lint(List<Change> upgrade) {
        return lint(upgrade, Optional.empty());
    }

    /** With the schema the revision leads to, FKs are checked for an index on their columns too. */
    public static List<Diagnostic> lint(List<Change> upgrade, Optional<SchemaSnapshot> target) {
        List<Diagnostic> found = new ArrayList<>();
        Set<String> newTables = Change.tablesCreated(upgrade);
        Set<String> droppedTables = new HashSet<>();
        for (Change c : upgrade) {
            if (c instanceof Change.DropTable t) droppedTables.add(t.table().name());
        }
        Rules rules = new Rules(newTables, droppedTables);
        for (Change change : upgrade) {
            found.addAll(change.accept(rules));
        }
        found.addAll(likelyRenames(upgrade));
        target.ifPresent(schema -> found.addAll(unindexedForeignKeys(upgrade, schema)));
        return List.copyOf(found);
    }

    /** What each kind of change is warned about, given which tables the revision creates and drops. */
    private record Rules(Set<String> newTables, Set<String> droppedTables) implements Change.Visitor<List<Diagnostic>> {

        public List<Diagnostic> dropTable(Change.DropTable d) {
            return List.of(new Diagnostic(Code.DG001, "drops table " + display(d.table().name()) + " and all its rows; the downgrade re-creates it empty"));
        }

        public List<Diagnostic> dropColumn(Change.DropColumn d) {
            List<Diagnostic> found = new ArrayList<>();
            found.add(new Diagnostic(Code.DG002, "drops column " + display(d.table()) + "." + d.column().name()
                    + " and its data; the downgrade re-creates it empty"));
            Column col = d.column();
            if (!col.nullable() && col.defaultExpression().isEmpty() && col.identity() == Column.Identity.NONE
                    && !droppedTables.contains(d.table())) {
                found.add(new Diagnostic(Code.DG009, "the downgrade re-adds " + display(d.table()) + "." + col.name()
                        + " NOT NULL without a default; it fails if the table has rows"));
            }
            return found;
        }

        public List<Diagnostic> dropUnique(Change.DropUnique u) {
            return droppedTables.contains(u.table()) ? List.of() : List.of(new Diagnostic(Code.DG009, "the downgrade re-adds unique constraint "
                    + u.constraint().name() + "; it fails if duplicates were written meanwhile"));
        }

        public List<Diagnostic> dropCheck(Change.DropCheck k) {
            return droppedTables.contains(k.table()) ? List.of() : List.of(new Diagnostic(Code.DG009, "the downgrade re-adds check constraint "
                    + k.check().name() + "; it fails if rows written meanwhile break it"));
        }

        public List<Diagnostic> addColumn(Change.AddColumn a) {
            Column col = a.column();
            List<Diagnostic> found = new ArrayList<>();
            if (!col.nullable() && col.defaultExpression().isEmpty() && col.identity() == Column.Identity.NONE) {
                found.add(new Diagnostic(Code.DG004, "adds NOT NULL column " + display(a.table()) + "." + col.name()
                        + " without a default; it fails if the table has rows"));
            }
            // a constant default is stored once in the catalog; a volatile one, or an identity, is written into every row
            boolean volatileDefault = col.defaultExpression().filter(d -> VOLATILE.matcher(d).find()).isPresent();
            if (!newTables.contains(a.table()) && (volatileDefault || col.identity() != Column.Identity.NONE)) {
                found.add(new Diagnostic(Code.DG006, "adding " + display(a.table()) + "." + col.name() + " with "
                        + (volatileDefault ? "the volatile default " + col.defaultExpression().get() : "an identity")
                        + " rewrites the table under an ACCESS EXCLUSIVE lock; add it nullable without the default, backfill in batches, then set the default"));
            }
            return found;
        }

        public List<Diagnostic> alterColumn(Change.AlterColumn a) {
            List<Diagnostic> found = new ArrayList<>();
            lintAlter(a, found);
            return found;
        }

        public List<Diagnostic> createIndex(Change.CreateIndex i) {
            return newTables.contains(i.table()) || i.concurrently() ? List.of() : List.of(new Diagnostic(Code.DG007, "builds index "
                    + i.index().name() + " on existing table " + display(i.table()) + ", blocking writes while it builds; leave out --single-transaction to build it CONCURRENTLY"));
        }

        private List<Diagnostic> validatesRows(Change change) {
            return newTables.contains(change.subject()) ? List.of()
                    : List.of(new Diagnostic(Code.DG010, change.summary() + " checks every existing row under lock"));
        }

        public List<Diagnostic> addForeignKey(Change.AddForeignKey c) { return c.notValid() ? List.of() : validatesRows(c); }
        public List<Diagnostic> addCheck(Change.AddCheck c) { return c.notValid() ? List.of() : validatesRows(c); }
        public List<Diagnostic> addUnique(Change.AddUnique c) { return validatesRows(c); }
        public List<Diagnostic> addPrimaryKey(Change.AddPrimaryKey c) { return validatesRows(c); }

        public List<Diagnostic> recreateEnum(Change.RecreateEnum r) {
            String columns = r.uses().stream().map(u -> display(u.table()) + "." + u.column()).collect(java.util.stream.Collectors.joining(", "));
            String rewritten = columns.isEmpty() ? "no column uses it" : "every column of it (" + columns + ") is rewritten under lock";
            if (r.removed().isEmpty()) {
                return List.of(new Diagnostic(Code.DG006, r.summary() + ": the type is re-created, so the revision can use the new "
                        + "labels at once, and " + rewritten));
            }
            return List.of(new Diagnostic(Code.DG011, r.summary() + ": PostgreSQL cannot drop a label, so the type is re-created and "
                    + rewritten + "; it fails, changing nothing, if a row holds " + String.join(" or ", r.removed())));
        }

        public List<Diagnostic> addEnumValues(Change.AddEnumValues a) {
            return a.uses().isEmpty() ? List.of() : List.of(new Diagnostic(Code.DG009, "the downgrade removes " + String.join(", ", a.added())
                    + " from enum type " + a.to().name() + " by re-creating it; it fails if a row holds the value by then"));
        }

        // nothing to warn about: creations of new objects, renames, comments, sequences, drops of what depends on nothing
        public List<Diagnostic> createTable(Change.CreateTable c) { return List.of(); }
        public List<Diagnostic> renameTable(Change.RenameTable c) {
            return List.of(new Diagnostic(Code.DG013, "renames table " + display(c.from()) + " to " + display(c.to())
                    + ": instances still running the old code fail on the old name until they are redeployed; "
                    + "deploy code that no longer needs the old name first, or keep a view under it"));
        }
        public List<Diagnostic> renameColumn(Change.RenameColumn c) {
            return List.of(new Diagnostic(Code.DG013, "renames column " + display(c.table()) + "." + c.from() + " to " + c.to()
                    + ": instances still running the old code fail on the old name until they are redeployed; "
                    + "add the new column and copy, or deploy code that no longer names the old one first"));
        }
        public List<Diagnostic> dropPrimaryKey(Change.DropPrimaryKey c) { return List.of(); }
        public List<Diagnostic> dropForeignKey(Change.DropForeignKey c) { return List.of(); }
        public List<Diagnostic> renameConstraint(Change.RenameConstraint c) { return List.of(); }
        public List<Diagnostic> dropIndex(Change.DropIndex c) {
            return c.concurrently() || droppedTables.contains(c.table()) ? List.of() : List.of(new Diagnostic(Code.DG015, "drops index "
                    + c.index().name() + " under an ACCESS EXCLUSIVE lock on " + display(c.table())
                    + ", blocking reads and writes while it waits for the lock; leave out --single-transaction to drop it CONCURRENTLY"));
        }
        public List<Diagnostic> renameIndex(Change.RenameIndex c) { return List.of(); }
        public List<Diagnostic> setTableComment(Change.SetTableComment c) { return List.of(); }
        public List<Diagnostic> createSequence(Change.CreateSequence c) { return List.of(); }
        public List<Diagnostic> dropSequence(Change.DropSequence c) {
            return List.of(new Diagnostic(Code.DG012, "drops sequence " + display(c.sequence().name()) + " and its current value; "
                    + "the downgrade re-creates it at " + c.sequence().start() + ", so ids it already gave out come again"));
        }
        public List<Diagnostic> alterSequence(Change.AlterSequence c) { return List.of(); }
        public List<Diagnostic> createEnum(Change.CreateEnum c) { return List.of(); }
        public List<Diagnostic> dropEnum(Change.DropEnum c) { return List.of(); }
        public List<Diagnostic> renameEnumValue(Change.RenameEnumValue c) { return List.of(); }
        public List<Diagnostic> createSchema(Change.CreateSchema c) { return List.of(); }
        // VALIDATE CONSTRAINT reads the table under SHARE UPDATE EXCLUSIVE: reads and writes go on
        public List<Diagnostic> validateConstraint(Change.ValidateConstraint c) { return List.of(); }
        public List<Diagnostic> moveSequence(Change.MoveSequence c) { return List.of(); }
        // the online forms: validation without blocking writes, SET NOT NULL without a scan, a constraint from a built index
        public List<Diagnostic> setNotNullValidated(Change.SetNotNullValidated c) { return List.of(); }
        public List<Diagnostic> dropNotNullKeepingCheck(Change.DropNotNullKeepingCheck c) { return List.of(); }
        public List<Diagnostic> attachUnique(Change.AttachUnique c) { return List.of(); }
        public List<Diagnostic> detachUnique(Change.DetachUnique c) { return List.of(); }
        public List<Diagnostic> attachPrimaryKey(Change.AttachPrimaryKey c) { return List.of(); }
        public List<Diagnostic> detachPrimaryKey(Change.DetachPrimaryKey c) { return List.of(); }
        public List<Diagnostic> noChange(Change.NoChange c) { return List.of(); }
        public List<Diagnostic> dropSchema(Change.DropSchema c) { return List.of(); }
    }

    /**
     * FKs the revision adds whose columns lead no index, primary key or unique constraint of their table:
     * each DELETE or key UPDATE on the referenced table then scans the referencing one.
     */
    private static List<Diagnostic> unindexedForeignKeys(List<Change> upgrade, SchemaSnapshot target) {
        List<Diagnostic> found = new ArrayList<>();
        for (Change c : upgrade) {
            if (!(c instanceof Change.AddForeignKey a)) continue;
            Table table = target.tables().get(a.table());
            if (table == null) continue;
            Set<String> fkColumns = Set.copyOf(a.key().columns());
            List<List<String>> leads = new ArrayList<>();
            table.primaryKey().ifPresent(pk -> leads.add(pk.columns()));
            table.uniques().forEach(u -> leads.add(u.columns()));
            table.indexes().stream().filter(i -> i.where().isEmpty())
                    .forEach(i -> leads.add(i.keys().stream().map(k -> k.expression().replaceAll("^\"(.*)\"$", "$1")).toList()));
            boolean indexed = leads.stream().anyMatch(cols -> cols.size() >= fkColumns.size()
                    && Set.copyOf(cols.subList(0, fkColumns.size())).equals(fkColumns));
            if (!indexed) {
                found.add(new Diagnostic(Code.DG014, "foreign key " + a.key().name() + " on " + display(a.table()) + "["
                        + String.join(", ", a.key().columns()) + "] has no index on its columns: every DELETE or key UPDATE on "
                        + display(a.key().referencedTable()) + " scans " + display(a.table()) + "; add @Index(columnList = \""
                        + String.join(", ", a.key().columns()) + "\")"));
            }
        }
        return found;
    }

    private static void lintAlter(Change.AlterColumn a, List<Diagnostic> found) {
        Set<Aspect> aspects = a.aspects();
        String where = display(a.table()) + "." + a.to().name();
        if (aspects.contains(Aspect.TYPE)) {
            String from = a.from().type();
            String to = a.to().type();
            Widening w = widening(from, to);
            if (w == Widening.NONE) {
                found.add(new Diagnostic(Code.DG003, "changes " + where + " from " + from + " to " + to
                        + "; values that do not fit fail the migration or are converted"));
            }
            if (w != Widening.NO_REWRITE) {
                found.add(new Diagnostic(Code.DG006, "changing " + where + " to " + to
                        + " rewrites the table under an ACCESS EXCLUSIVE lock"));
            }
            if (w != Widening.NONE && widening(to, from) == Widening.NONE) {
                found.add(new Diagnostic(Code.DG009, "the downgrade changes " + where + " back to " + from
                        + "; it fails if newer values do not fit"));
            }
        }
        if (aspects.contains(Aspect.NULLABLE) && !a.to().nullable()) {
            found.add(new Diagnostic(Code.DG005, "SET NOT NULL on " + where
                    + " scans the table under an ACCESS EXCLUSIVE lock and fails if it holds NULLs"));
        }
        if (aspects.contains(Aspect.NULLABLE) && a.to().nullable()) {
            found.add(new Diagnostic(Code.DG009, "the downgrade sets " + where + " NOT NULL again; it fails if NULLs were written meanwhile"));
        }
    }

    enum Widening { NONE, REWRITE, NO_REWRITE }

    /** Whether every value of {@code from} fits {@code to}, and whether PostgreSQL must rewrite the table. */
    static Widening widening(String from, String to) {
        String f = from.toLowerCase(Locale.ROOT);
        String t = to.toLowerCase(Locale.ROOT);
        Optional<Integer> fromLength = length(f);
        if (fromLength.isPresent()) {
            if (t.equals("text") || t.equals("character varying")) return Widening.NO_REWRITE;
            Optional<Integer> toLength = length(t);
            if (toLength.isPresent() && toLength.get() >= fromLength.get()) return Widening.NO_REWRITE;
            return Widening.NONE;
        }
        if ((f.equals("character varying") && t.equals("text")) || (f.equals("text") && t.equals("character varying"))) {
            return Widening.NO_REWRITE;
        }
        int fi = INTEGERS.indexOf(f);
        int ti = INTEGERS.indexOf(t);
        if (fi >= 0 && ti >= 0) return ti > fi ? Widening.REWRITE : Widening.NONE;
        if (fi >= 0 && t.equals("numeric")) return Widening.REWRITE;
        Matcher fn = NUMERIC.matcher(f);
        Matcher tn = NUMERIC.matcher(t);
        if (fn.matches() && tn.matches()) {
            int fp = Integer.parseInt(fn.group(1)), fs = Integer.parseInt(fn.group(2));
            int tp = Integer.parseInt(tn.group(1)), ts = Integer.parseInt(tn.group(2));
            if (ts == fs && tp >= fp) return Widening.NO_REWRITE;
            if (ts >= fs && tp - ts >= fp - fs) return Widening.REWRITE;
            return Widening.NONE;
        }
        if (fn.matches() && t.equals("numeric")) return Widening.NO_REWRITE;
        if (f.equals("real") && t.equals("double precision")) return Widening.REWRITE;
        return Widening.NONE;
    }

    private static Optional<Integer> length(String type) {
        Matcher m = VARCHAR.matcher(type);
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** A column dropped and one of the same type added in the same table, with no declared rename. */
    private static List<Diagnostic> likelyRenames(List<Change> upgrade) {
        List<Diagnostic> found = new ArrayList<>();
        for (Change c : upgrade) {
            if (c instanceof Change.DropColumn d) {
                for (Change other : upgrade) {
                    if (other instanceof Change.AddColumn a && a.table().equals(d.table()) && a.column().type().equals(d.column().type())) {
                        found.add(new Diagnostic(Code.DG008, display(d.table()) + "." + d.column().name() + " dropped and " + a.column().name()
                                + " added with the same type: if this is a rename, declare @RenamedFrom(\"" + d.column().name()
                                + "\") on the field to keep the data"));
                    }
                }
            }
            if (c instanceof Change.DropTable d) {
                for (Change other : upgrade) {
                    if (other instanceof Change.CreateTable t && sameColumns(t.table().columns(), d.table().columns())) {
                        String old = d.table().name();
                        boolean moved = !Identifiers.schemaOf(old).equals(Identifiers.schemaOf(t.table().name()));
                        // a move names the old schema; the database's own is not in the key, so the advice says where to put it
                        String previous = !moved ? Identifiers.nameOf(old)
                                : Identifiers.schemaOf(old).map(schema -> schema + "." + Identifiers.nameOf(old)).orElse("<its schema>." + old);
                        found.add(new Diagnostic(Code.DG008, "table " + display(old) + " dropped and " + display(t.table().name())
                                + " created with the same columns: if this is a " + (moved ? "move" : "rename") + ", declare @RenamedFrom(\""
                                + previous + "\") on the entity to keep the data"));
                    }
                }
            }
        }
        return found;
    }

    private static boolean sameColumns(List<Column> a, List<Column> b) {
        return a.stream().map(c -> c.name() + " " + c.type()).sorted().toList()
                .equals(b.stream().map(c -> c.name() + " " + c.type()).sorted().toList());
    }
}

package io.diffgen.diff;

import static io.diffgen.snapshot.Identifiers.display;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.OwnedSequence;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One typed schema change. Every change carries the state it replaces, so {@link #inverse()} is exact
 * and a downgrade is the reversed list of inverses.
 */
public sealed interface Change {

    /** The change that undoes this one. */
    Change inverse();

    /** Calls the visitor's method for this kind of change. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change: whatever must treat every kind (rendering, ordering, linting)
     * implements it, so a new kind does not compile until each of them handles it.
     */
    interface Visitor<R> {
        R createTable(CreateTable c);
        R dropTable(DropTable c);
        R renameTable(RenameTable c);
        R addColumn(AddColumn c);
        R dropColumn(DropColumn c);
        R renameColumn(RenameColumn c);
        R alterColumn(AlterColumn c);
        R addPrimaryKey(AddPrimaryKey c);
        R dropPrimaryKey(DropPrimaryKey c);
        R addForeignKey(AddForeignKey c);
        R dropForeignKey(DropForeignKey c);
        R addUnique(AddUnique c);
        R dropUnique(DropUnique c);
        R addCheck(AddCheck c);
        R dropCheck(DropCheck c);
        R renameConstraint(RenameConstraint c);
        R createIndex(CreateIndex c);
        R dropIndex(DropIndex c);
        R renameIndex(RenameIndex c);
        R setTableComment(SetTableComment c);
        R setStorage(SetStorage c);
        R serialIdentity(SerialIdentity c);
        R createSequence(CreateSequence c);
        R dropSequence(DropSequence c);
        R alterSequence(AlterSequence c);
        R createEnum(CreateEnum c);
        R dropEnum(DropEnum c);
        R addEnumValues(AddEnumValues c);
        R recreateEnum(RecreateEnum c);
        R renameEnumValue(RenameEnumValue c);
        R createComposite(CreateComposite c);
        R dropComposite(DropComposite c);
        R alterComposite(AlterComposite c);
        R createSchema(CreateSchema c);
        R validateConstraint(ValidateConstraint c);
        R moveSequence(MoveSequence c);
        R setNotNullValidated(SetNotNullValidated c);
        R dropNotNullKeepingCheck(DropNotNullKeepingCheck c);
        R attachUnique(AttachUnique c);
        R detachUnique(DetachUnique c);
        R attachPrimaryKey(AttachPrimaryKey c);
        R detachPrimaryKey(DetachPrimaryKey c);
        R noChange(NoChange c);
        R dropSchema(DropSchema c);
        R createObject(CreateObject c);
        R dropObject(DropObject c);
        R replaceObject(ReplaceObject c);
        R startMove(StartMove c);
        R stopMove(StopMove c);
        R backfill(Backfill c);
        R finishMove(FinishMove c);
        R unfinishMove(UnfinishMove c);
    }

    /** The object the change is about: its table; for a sequence, enum type or schema, that object. */
    String subject();

    /** One line for the revision summary. */
    String summary();

    record CreateTable(Table table) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createTable(this); }
        public Change inverse() { return new DropTable(table); }
        public String subject() { return table.name(); }
        public String summary() { return "create table " + display(table.name()); }
    }

    record DropTable(Table table) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropTable(this); }
        public Change inverse() { return new CreateTable(table); }
        public String subject() { return table.name(); }
        public String summary() { return "drop table " + display(table.name()); }
    }

    /**
     * A table renamed, or moved to another schema ({@code ALTER TABLE ... SET SCHEMA}, which takes its
     * indexes, constraints and owned sequences along), or both. {@code ownSchema} names the
     * database's own schema, for a move into it (its tables' keys do not name it).
     */
    record RenameTable(String from, String to, String ownSchema) implements Change {
        public RenameTable(String from, String to) {
            this(from, to, null);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.renameTable(this); }
        public Change inverse() { return new RenameTable(to, from, ownSchema); }
        public String subject() { return to; }
        public String summary() {
            boolean moved = !Identifiers.schemaOf(from).equals(Identifiers.schemaOf(to));
            boolean renamed = !Identifiers.nameOf(from).equals(Identifiers.nameOf(to));
            return (moved && !renamed ? "move table " : moved ? "move and rename table " : "rename table ") + display(from) + " to " + display(to);
        }
    }

    record AddColumn(String table, Column column) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.addColumn(this); }
        public Change inverse() { return new DropColumn(table, column); }
        public String subject() { return table; }
        public String summary() { return "add column " + display(table) + "." + column.name(); }
    }

    record DropColumn(String table, Column column) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropColumn(this); }
        public Change inverse() { return new AddColumn(table, column); }
        public String subject() { return table; }
        public String summary() { return "drop column " + display(table) + "." + column.name(); }
    }

    record RenameColumn(String table, String from, String to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.renameColumn(this); }
        public Change inverse() { return new RenameColumn(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename column " + display(table) + "." + from + " to " + to; }
    }

    /** What about a column an {@link AlterColumn} changes. */
    enum Aspect { TYPE, NULLABLE, DEFAULT, IDENTITY, COMMENT }

    record AlterColumn(String table, Column from, Column to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.alterColumn(this); }
        public AlterColumn {
            if (!from.name().equals(to.name())) {
                throw new IllegalArgumentException("AlterColumn keeps the name; use RenameColumn");
            }
        }

        public Set<Aspect> aspects() {
            Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
            if (!from.type().equals(to.type())) aspects.add(Aspect.TYPE);
            if (from.nullable() != to.nullable()) aspects.add(Aspect.NULLABLE);
            if (!from.defaultExpression().equals(to.defaultExpression())) aspects.add(Aspect.DEFAULT);
            if (from.identity() != to.identity()) aspects.add(Aspect.IDENTITY);
            if (!from.comment().equals(to.comment())) aspects.add(Aspect.COMMENT);
            return aspects;
        }

        public Change inverse() { return new AlterColumn(table, to, from); }
        public String subject() { return table; }

        public String summary() {
            StringBuilder s = new StringBuilder("alter column " + display(table) + "." + to.name() + ":");
            for (Aspect a : aspects()) {
                s.append(' ').append(switch (a) {
                    case TYPE -> "type " + from.type() + " -> " + to.type();
                    case NULLABLE -> to.nullable() ? "drop not null" : "set not null";
                    case DEFAULT -> "default " + from.defaultExpression().orElse("none") + " -> " + to.defaultExpression().orElse("none");
                    case IDENTITY -> "identity " + from.identity() + " -> " + to.identity();
                    case COMMENT -> "comment";
                }).append(';');
            }
            s.setLength(s.length() - 1);
            return s.toString();
        }
    }

    record AddPrimaryKey(String table, PrimaryKey key) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.addPrimaryKey(this); }
        public Change inverse() { return new DropPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "add primary key " + key.name() + " on " + display(table) + key.columns(); }
    }

    record DropPrimaryKey(String table, PrimaryKey key) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropPrimaryKey(this); }
        public Change inverse() { return new AddPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "drop primary key " + key.name() + " on " + display(table); }
    }

    /**
     * With {@code notValid}, the FK is added without checking the rows already there (brief lock), and
     * a {@link ValidateConstraint} in a later changeset checks them without blocking writes.
     */
    record AddForeignKey(String table, ForeignKey key, boolean notValid) implements Change {
        public AddForeignKey(String table, ForeignKey key) {
            this(table, key, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.addForeignKey(this); }
        public Change inverse() { return new DropForeignKey(table, key, notValid); }
        public String subject() { return table; }
        public String summary() {
            return "add foreign key " + key.name() + " on " + display(table) + key.columns() + " -> " + display(key.referencedTable())
                    + key.referencedColumns() + " on delete " + key.onDelete().sql().toLowerCase();
        }
    }

    /** {@code notValid}: the FK was added NOT VALID, as its inverse adds it again. */
    record DropForeignKey(String table, ForeignKey key, boolean notValid) implements Change {
        public DropForeignKey(String table, ForeignKey key) {
            this(table, key, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.dropForeignKey(this); }
        public Change inverse() { return new AddForeignKey(table, key, notValid); }
        public String subject() { return table; }
        public String summary() { return "drop foreign key " + key.name() + " on " + display(table); }
    }

    record AddUnique(String table, UniqueConstraint constraint) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.addUnique(this); }
        public Change inverse() { return new DropUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "add unique constraint " + constraint.name() + " on " + display(table) + constraint.columns(); }
    }

    record DropUnique(String table, UniqueConstraint constraint) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropUnique(this); }
        public Change inverse() { return new AddUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "drop unique constraint " + constraint.name() + " on " + display(table); }
    }

    /** {@code notValid} as for {@link AddForeignKey}. */
    record AddCheck(String table, CheckConstraint check, boolean notValid) implements Change {
        public AddCheck(String table, CheckConstraint check) {
            this(table, check, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.addCheck(this); }
        public Change inverse() { return new DropCheck(table, check, notValid); }
        public String subject() { return table; }
        public String summary() { return "add check constraint " + check.name() + " on " + display(table); }
    }

    /** {@code notValid} as for {@link DropForeignKey}. */
    record DropCheck(String table, CheckConstraint check, boolean notValid) implements Change {
        public DropCheck(String table, CheckConstraint check) {
            this(table, check, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.dropCheck(this); }
        public Change inverse() { return new AddCheck(table, check, notValid); }
        public String subject() { return table; }
        public String summary() { return "drop check constraint " + check.name() + " on " + display(table); }
    }

    /** Renames a constraint of any kind (PK, FK, unique, check) whose definition is unchanged. */
    record RenameConstraint(String table, String from, String to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.renameConstraint(this); }
        public Change inverse() { return new RenameConstraint(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename constraint " + display(table) + "." + from + " to " + to; }
    }

    /** {@code forConstraint}: the unique index a later {@link AttachUnique} or {@link AttachPrimaryKey} makes a constraint of. */
    record CreateIndex(String table, Index index, boolean concurrently, boolean forConstraint) implements Change {
        public CreateIndex(String table, Index index, boolean concurrently) {
            this(table, index, concurrently, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.createIndex(this); }
        public Change inverse() { return new DropIndex(table, index, concurrently, forConstraint); }
        public String subject() { return table; }
        public String summary() { return "create index " + index.name() + " on " + display(table); }
    }

    /**
     * {@code forConstraint}: the inverse of a {@link CreateIndex} for a constraint, which the constraint's
     * own drop ({@link DetachUnique}, {@link DetachPrimaryKey}) already took away; dropped if it exists.
     */
    record DropIndex(String table, Index index, boolean concurrently, boolean forConstraint) implements Change {
        public DropIndex(String table, Index index, boolean concurrently) {
            this(table, index, concurrently, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.dropIndex(this); }
        public Change inverse() { return new CreateIndex(table, index, concurrently, forConstraint); }
        public String subject() { return table; }
        public String summary() { return "drop index " + index.name() + " on " + display(table); }
    }

    record RenameIndex(String table, String from, String to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.renameIndex(this); }
        public Change inverse() { return new RenameIndex(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename index " + from + " to " + to; }
    }

    record SetTableComment(String table, Optional<String> from, Optional<String> to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.setTableComment(this); }
        public Change inverse() { return new SetTableComment(table, to, from); }
        public String subject() { return table; }
        public String summary() { return (to.isPresent() ? "set" : "drop") + " comment on table " + display(table); }
    }

    /**
     * A table's storage parameters ({@code index} empty), or an index's, from one set to another:
     * {@code ALTER ... SET (...)} for those {@code to} sets or changes, {@code RESET (...)} for those it drops.
     */
    record SetStorage(String table, Optional<String> index, List<String> from, List<String> to) implements Change {
        public SetStorage {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.setStorage(this); }
        public Change inverse() { return new SetStorage(table, index, to, from); }
        public String subject() { return table; }
        public String summary() {
            return "set storage parameters of " + index.map(i -> "index " + i + " on ").orElse("table ") + display(table)
                    + ": (" + String.join(", ", from) + ") -> (" + String.join(", ", to) + ")";
        }
    }

    /**
     * A serial column ({@code serialDefault} takes from the column's own sequence {@code serial}) made
     * an identity column, or back ({@code toIdentity} false). The counter carries over both ways: the
     * new sequence continues where the old one stood, so the next insert does not reuse a key. Back to
     * serial, the sequence comes back as it was (name, type, start, increment, owner, default).
     */
    record SerialIdentity(String table, String column, OwnedSequence serial, String serialDefault, Column.Identity identity,
                          boolean toIdentity) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.serialIdentity(this); }
        public Change inverse() { return new SerialIdentity(table, column, serial, serialDefault, identity, !toIdentity); }
        public String subject() { return table; }
        public String summary() {
            return "alter column " + display(table) + "." + column + ": " + (toIdentity ? "serial -> identity" : "identity -> serial")
                    + ", keeping the counter of " + serial.sequence().name();
        }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createSequence(this); }
        public Change inverse() { return new DropSequence(sequence); }
        public String subject() { return sequence.name(); }
        public String summary() { return "create sequence " + display(sequence.name()); }
    }

    /** A sequence moved to another schema with SET SCHEMA, keeping its current value; {@code ownSchema} as for {@link RenameTable}. */
    record MoveSequence(Sequence from, Sequence to, String ownSchema) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.moveSequence(this); }
        public Change inverse() { return new MoveSequence(to, from, ownSchema); }
        public String subject() { return to.name(); }
        public String summary() { return "move sequence " + display(from.name()) + " to " + display(to.name()); }
    }

    record DropSequence(Sequence sequence) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropSequence(this); }
        public Change inverse() { return new CreateSequence(sequence); }
        public String subject() { return sequence.name(); }
        public String summary() { return "drop sequence " + display(sequence.name()); }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.alterSequence(this); }
        public AlterSequence {
            Objects.requireNonNull(from);
            if (!from.name().equals(to.name())) {
                throw new IllegalArgumentException("AlterSequence keeps the name");
            }
        }

        public Change inverse() { return new AlterSequence(to, from); }
        public String subject() { return to.name(); }
        public String summary() { return "alter sequence " + display(to.name()); }
    }

    /** A column whose type is an enum or composite type, with its default, as it stands when the change runs. */
    record TypeUse(String table, String column, Optional<String> defaultExpression) {
    }

    record CreateEnum(EnumType type) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createEnum(this); }
        public Change inverse() { return new DropEnum(type); }
        public String subject() { return type.name(); }
        public String summary() { return "create enum type " + type.name(); }
    }

    record DropEnum(EnumType type) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropEnum(this); }
        public Change inverse() { return new CreateEnum(type); }
        public String subject() { return type.name(); }
        public String summary() { return "drop enum type " + type.name(); }
    }

    record CreateComposite(CompositeType type) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createComposite(this); }
        public Change inverse() { return new DropComposite(type); }
        public String subject() { return type.name(); }
        public String summary() { return "create composite type " + type.name(); }
    }

    record DropComposite(CompositeType type) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropComposite(this); }
        public Change inverse() { return new CreateComposite(type); }
        public String subject() { return type.name(); }
        public String summary() { return "drop composite type " + type.name(); }
    }

    /**
     * A composite type's attributes from one list to another. Where {@code to} is {@code from} with
     * attributes dropped and others appended, {@code ALTER TYPE ... DROP/ADD ATTRIBUTE} (no table is
     * rewritten); otherwise (an attribute retyped, or placed before an existing one) a new type under
     * the same name, every column of it in {@code uses} rebuilt attribute by attribute, and the old
     * type dropped. {@code uses} are the columns of the type when the change runs, in either direction.
     */
    record AlterComposite(CompositeType from, CompositeType to, List<TypeUse> uses) implements Change {
        public AlterComposite {
            uses = List.copyOf(uses);
            if (!from.name().equals(to.name())) throw new IllegalArgumentException("AlterComposite keeps the name");
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.alterComposite(this); }
        public Change inverse() { return new AlterComposite(to, from, uses); }
        public String subject() { return to.name(); }

        public List<CompositeType.Attribute> dropped() {
            return from.attributes().stream().filter(a -> to.attribute(a.name()).isEmpty()).toList();
        }

        public List<CompositeType.Attribute> added() {
            return to.attributes().stream().filter(a -> from.attribute(a.name()).isEmpty()).toList();
        }

        /** Whether DROP and ADD ATTRIBUTE reach {@code to}: the attributes kept keep their types and lead, in their order. */
        public boolean inPlace() {
            List<CompositeType.Attribute> kept = from.attributes().stream().filter(a -> to.attribute(a.name()).isPresent()).toList();
            List<CompositeType.Attribute> reached = new java.util.ArrayList<>(kept);
            reached.addAll(added());
            return reached.equals(to.attributes());
        }

        public String summary() {
            List<String> parts = new java.util.ArrayList<>();
            if (!added().isEmpty()) parts.add("add attribute " + String.join(", ", added().stream().map(CompositeType.Attribute::name).toList()));
            if (!dropped().isEmpty()) parts.add("drop attribute " + String.join(", ", dropped().stream().map(CompositeType.Attribute::name).toList()));
            if (parts.isEmpty() || !inPlace()) parts.add("re-create it");
            return "alter composite type " + to.name() + ": " + String.join(", ", parts);
        }
    }

    /**
     * New labels only ({@code from}'s labels are {@code to}'s in the same order): {@code ALTER TYPE ...
     * ADD VALUE}. PostgreSQL cannot drop a label, so the inverse re-creates the type without them,
     * converting {@code uses}, the columns of the type before this change.
     */
    record AddEnumValues(EnumType from, EnumType to, List<TypeUse> uses) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.addEnumValues(this); }
        public AddEnumValues {
            uses = List.copyOf(uses);
            if (!addsOnly(from, to)) throw new IllegalArgumentException("AddEnumValues only adds labels");
        }

        public List<String> added() { return to.values().stream().filter(v -> !from.values().contains(v)).toList(); }
        public Change inverse() { return new RecreateEnum(to, from, uses); }
        public String subject() { return to.name(); }
        public String summary() { return "add value " + String.join(", ", added()) + " to enum type " + to.name(); }
    }

    /**
     * Labels removed or reordered, or added where the revision uses them at once: a new type under the
     * same name, every column of it in {@code uses} converted through text, the old type dropped. Its
     * labels come from CREATE TYPE, so unlike ADD VALUE's they can be used in the same transaction.
     * Fails, leaving nothing changed, if a row holds a removed label. {@code beforeColumns}: it runs
     * before the revision's column changes (they use a label it adds), and {@code uses} are the
     * columns before the revision; otherwise after them, with the columns after it.
     */
    record RecreateEnum(EnumType from, EnumType to, List<TypeUse> uses, boolean beforeColumns) implements Change {
        public RecreateEnum(EnumType from, EnumType to, List<TypeUse> uses) {
            this(from, to, uses, false);
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.recreateEnum(this); }
        public RecreateEnum {
            uses = List.copyOf(uses);
        }

        public List<String> removed() { return from.values().stream().filter(v -> !to.values().contains(v)).toList(); }
        public List<String> added() { return to.values().stream().filter(v -> !from.values().contains(v)).toList(); }
        // the columns are the same ones when the downgrade runs it; a re-created type, not ADD VALUE, so the
        // downgrade may use a label it brings back (a default set back to it) in the same transaction
        public Change inverse() { return new RecreateEnum(to, from, uses, beforeColumns); }
        public String subject() { return to.name(); }
        public String summary() {
            if (!removed().isEmpty()) return "remove value " + String.join(", ", removed()) + " from enum type " + to.name();
            if (!added().isEmpty()) return "add value " + String.join(", ", added()) + " to enum type " + to.name() + " (re-created)";
            return "reorder values of enum type " + to.name();
        }
    }

    record RenameEnumValue(String type, String from, String to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.renameEnumValue(this); }
        public Change inverse() { return new RenameEnumValue(type, to, from); }
        public String subject() { return type; }
        public String summary() { return "rename value " + from + " of enum type " + type + " to " + to; }
    }

    /**
     * Checks the existing rows against a constraint added NOT VALID, taking only a SHARE UPDATE
     * EXCLUSIVE lock (reads and writes go on). Nothing to undo: the downgrade drops the constraint.
     */
    record ValidateConstraint(String table, String name) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.validateConstraint(this); }
        public Change inverse() { return new NoChange(this); }
        public String subject() { return table; }
        public String summary() { return "validate constraint " + name + " on " + display(table); }
    }

    /**
     * SET NOT NULL without a full scan under an exclusive lock: the NOT VALID check {@code helper}
     * ({@code col IS NOT NULL}, added in the main changeset) is validated without blocking writes,
     * lets SET NOT NULL skip its scan, and is dropped.
     */
    record SetNotNullValidated(String table, String column, CheckConstraint helper) implements Change {
        /** SET NOT NULL online: the NOT VALID helper check, added in the main changeset, then this. */
        public static List<Change> online(String table, String column) {
            CheckConstraint helper = new CheckConstraint(Identifiers.objectName(Identifiers.nameOf(table), column, "not_null"),
                    Identifiers.quote(column) + " IS NOT NULL");
            return List.of(new AddCheck(table, helper, true), new SetNotNullValidated(table, column, helper));
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.setNotNullValidated(this); }
        public Change inverse() { return new DropNotNullKeepingCheck(table, column, helper); }
        public String subject() { return table; }
        public String summary() { return "set not null on " + display(table) + "." + column + " (validated first)"; }
    }

    /** The inverse of {@link SetNotNullValidated}: the column nullable again, the NOT VALID helper check back. */
    record DropNotNullKeepingCheck(String table, String column, CheckConstraint helper) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropNotNullKeepingCheck(this); }
        public Change inverse() { return new SetNotNullValidated(table, column, helper); }
        public String subject() { return table; }
        public String summary() { return "drop not null on " + display(table) + "." + column; }
    }

    /**
     * A UNIQUE constraint on an existing table made from the unique index of the same name built
     * CONCURRENTLY before it ({@code ADD CONSTRAINT ... UNIQUE USING INDEX}): a brief lock, no scan.
     */
    record AttachUnique(String table, UniqueConstraint constraint) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.attachUnique(this); }
        public Change inverse() { return new DetachUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "add unique constraint " + constraint.name() + " on " + display(table) + constraint.columns() + " using its index"; }
    }

    /**
     * The inverse of {@link AttachUnique}: the constraint dropped, which drops its index too; the
     * revision's {@link DropIndex} of that index, the next step back, then finds it gone. Building the
     * index again here, under the table's lock, only for that step to drop it, would block writers.
     */
    record DetachUnique(String table, UniqueConstraint constraint) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.detachUnique(this); }
        public Change inverse() { return new AttachUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "drop unique constraint " + constraint.name() + " on " + display(table) + " with its index"; }
    }

    /**
     * A PRIMARY KEY on an existing table made from the unique index of the same name built CONCURRENTLY
     * before it ({@code ADD CONSTRAINT ... PRIMARY KEY USING INDEX}), its columns already NOT NULL.
     */
    record AttachPrimaryKey(String table, PrimaryKey key) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.attachPrimaryKey(this); }
        public Change inverse() { return new DetachPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "add primary key " + key.name() + " on " + display(table) + key.columns() + " using its index"; }

        /** The unique index it is made from. */
        public Index index() {
            return new UniqueConstraint(key.name(), key.columns()).asIndex();
        }
    }

    /** The inverse of {@link AttachPrimaryKey}: the constraint dropped with its index, as {@link DetachUnique} does. */
    record DetachPrimaryKey(String table, PrimaryKey key) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.detachPrimaryKey(this); }
        public Change inverse() { return new AttachPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "drop primary key " + key.name() + " on " + display(table) + " with its index"; }

        public Index index() {
            return new AttachPrimaryKey(table, key).index();
        }
    }

    /** The inverse of a change that leaves nothing to undo ({@code undoes}); renders no statement. */
    record NoChange(Change undoes) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.noChange(this); }
        public Change inverse() { return undoes; }
        public String subject() { return undoes.subject(); }
        public String summary() {
            return undoes instanceof Backfill b && b.back() ? "on downgrade only: " + undoes.summary() : "nothing to undo for: " + undoes.summary();
        }
    }

    /** A schema the model puts tables or sequences in; the downgrade drops it again (only if it is empty). */
    record CreateSchema(String schema) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createSchema(this); }
        public Change inverse() { return new DropSchema(schema); }
        public String subject() { return schema; }
        public String summary() { return "create schema " + schema; }
    }

    record DropSchema(String schema) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropSchema(this); }
        public Change inverse() { return new CreateSchema(schema); }
        public String subject() { return schema; }
        public String summary() { return "drop schema " + schema; }
    }

    /**
     * A piece of database code (a function, view, trigger...) created as the catalog prints it; {@code again}
     * when it is made again as it was, after a change it had to make way for.
     */
    record CreateObject(io.diffgen.objects.DbObject object, boolean again) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.createObject(this); }
        public Change inverse() { return new DropObject(object, again); }
        public String subject() { return object.table().orElse(object.name()); }
        public String summary() { return again ? "make " + object.key() + " again" : "create " + object.key(); }
    }

    /**
     * A piece of database code dropped; it carries its definition, so the downgrade makes it again exactly;
     * {@code again} when it is dropped only to make way for another change, and made again after it.
     */
    record DropObject(io.diffgen.objects.DbObject object, boolean again) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.dropObject(this); }
        public Change inverse() { return new CreateObject(object, again); }
        public String subject() { return object.table().orElse(object.name()); }
        public String summary() { return again ? "drop " + object.key() + " to make it again" : "drop " + object.key(); }
    }

    /**
     * A function or view replaced in place ({@code CREATE OR REPLACE}): what reads it, and its grants, stay;
     * or, for any kind, only its comment set.
     */
    record ReplaceObject(io.diffgen.objects.DbObject from, io.diffgen.objects.DbObject to) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.replaceObject(this); }
        public Change inverse() { return new ReplaceObject(to, from); }
        public String subject() { return to.table().orElse(to.name()); }
        public String summary() { return (from.definition().equals(to.definition()) ? "comment on " : "replace ") + to.key(); }
    }

    /**
     * A column moved to another name or type while two versions of the application write its table
     * (an expand/contract revision pair): {@code from} as the old version maps it, {@code to} as the new
     * one does. From the expand phase to the contract phase both columns exist, kept in step by a
     * trigger; the table's single-column primary key {@code key} orders the batched backfill, which
     * fills {@code batchRows} rows per transaction and pauses {@code pauseMillis} between them.
     */
    record Move(String table, Column from, Column to, String key, int batchRows, int pauseMillis) {
        /** Whether the new version reads the column under another name (and, then, writes it there during the window). */
        public boolean renames() {
            return !from.name().equals(to.name());
        }

        /** Where the new values go until the contract: the new name, or for a type change a column of its own. */
        public String newColumn() {
            return renames() ? to.name() : Identifiers.prefixOfBytes("_dg_new_" + to.name(), Identifiers.MAX_BYTES);
        }

        /** The column as the expand phase adds it: nullable and without a default (the trigger fills it). */
        public Column added() {
            return new Column(newColumn(), to.type(), true, Optional.empty(), Column.Identity.NONE, Optional.empty());
        }

        /** The trigger's name, and its function's (beside the table). */
        public String trigger() {
            return Identifiers.objectName(Identifiers.nameOf(table), from.name(), SYNC);
        }

        /** What a move's trigger and function are named with, last: {@code <table>_<column>_dg_sync}. */
        private static final String SYNC = "dg_sync";

        /** Whether a trigger or function is named as a move's are. */
        public static boolean isSyncName(String name) {
            return name.endsWith("_" + SYNC);
        }

        public String describe() {
            return display(table) + "." + from.name() + (renames() ? " to " + to.name() : "") + (from.type().equals(to.type()) ? ""
                    : " (" + from.type() + " -> " + to.type() + ")");
        }
    }

    /** Expand: the new column added, and a trigger that keeps it and the old one in step for both versions' writes. */
    record StartMove(Move move) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.startMove(this); }
        public Change inverse() { return new StopMove(move); }
        public String subject() { return move.table(); }
        public String summary() { return "expand: add column " + display(move.table()) + "." + move.newColumn() + " kept in step with "
                + move.from().name() + " by trigger " + move.trigger(); }
    }

    /** The inverse of {@link StartMove}: the trigger, its function and the new column dropped. */
    record StopMove(Move move) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.stopMove(this); }
        public Change inverse() { return new StartMove(move); }
        public String subject() { return move.table(); }
        public String summary() { return "drop trigger " + move.trigger() + " and column " + display(move.table()) + "." + move.newColumn(); }
    }

    /**
     * The rows already in the table copied into the new columns of its moves ({@code back}: into the old ones
     * again, for the contract's downgrade) in one pass of batches, each its own transaction, skipping those
     * already in step: a run killed half-way is finished by the next, and no row is written twice. Runs
     * outside a transaction. The moves are of one table, with the same key and batch size.
     */
    record Backfill(List<Move> moves, boolean back) implements Change {
        public Backfill {
            moves = List.copyOf(moves);
        }

        public Move first() {
            return moves.get(0);
        }

        /** The column each move fills, and the one it reads. */
        public String target(Move m) {
            return back ? m.from().name() : m.newColumn();
        }

        public String source(Move m) {
            return back ? m.newColumn() : m.from().name();
        }

        public <R> R accept(Visitor<R> visitor) { return visitor.backfill(this); }
        public Change inverse() { return new NoChange(this); }
        public String subject() { return first().table(); }
        public String summary() {
            return "backfill " + moves.stream().map(m -> display(m.table()) + "." + target(m) + " from " + source(m))
                    .collect(java.util.stream.Collectors.joining(", ")) + " in batches of " + first().batchRows() + " rows";
        }
    }

    /**
     * Contract: the trigger and the old column dropped; for a type change, the new column takes the
     * old one's name, with the new version's default and comment.
     */
    record FinishMove(Move move) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.finishMove(this); }
        public Change inverse() { return new UnfinishMove(move); }
        public String subject() { return move.table(); }
        public String summary() { return "contract: finish moving " + move.describe() + ": drop trigger " + move.trigger()
                + " and the old column"; }
    }

    /** The inverse of {@link FinishMove}: the old column back (nullable, to be backfilled) and the trigger again. */
    record UnfinishMove(Move move) implements Change {
        public <R> R accept(Visitor<R> visitor) { return visitor.unfinishMove(this); }
        public Change inverse() { return new FinishMove(move); }
        public String subject() { return move.table(); }
        public String summary() { return "add column " + display(move.table()) + "." + move.from().name() + " back, kept in step by trigger "
                + move.trigger(); }
    }

    /** The tables {@code changes} create: objects on them exist, and hold no rows, only after the revision. */
    static java.util.Set<String> tablesCreated(List<Change> changes) {
        java.util.Set<String> created = new java.util.HashSet<>();
        for (Change c : changes) {
            if (c instanceof CreateTable t) created.add(t.table().name());
        }
        return created;
    }

    /** Whether {@code to} is {@code from} with labels added and none removed or moved. */
    static boolean addsOnly(EnumType from, EnumType to) {
        List<String> kept = to.values().stream().filter(from.values()::contains).toList();
        return kept.equals(from.values()) && to.varcharCasts() == from.varcharCasts();
    }
}

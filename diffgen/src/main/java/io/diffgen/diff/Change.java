package io.diffgen.diff;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.UniqueConstraint;

import java.util.EnumSet;
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

    /** The table the change is about (for sequences, the sequence). */
    String subject();

    /** One line for the revision summary. */
    String summary();

    record CreateTable(Table table) implements Change {
        public Change inverse() { return new DropTable(table); }
        public String subject() { return table.name(); }
        public String summary() { return "create table " + table.name(); }
    }

    record DropTable(Table table) implements Change {
        public Change inverse() { return new CreateTable(table); }
        public String subject() { return table.name(); }
        public String summary() { return "drop table " + table.name(); }
    }

    record RenameTable(String from, String to) implements Change {
        public Change inverse() { return new RenameTable(to, from); }
        public String subject() { return to; }
        public String summary() { return "rename table " + from + " to " + to; }
    }

    record AddColumn(String table, Column column) implements Change {
        public Change inverse() { return new DropColumn(table, column); }
        public String subject() { return table; }
        public String summary() { return "add column " + table + "." + column.name(); }
    }

    record DropColumn(String table, Column column) implements Change {
        public Change inverse() { return new AddColumn(table, column); }
        public String subject() { return table; }
        public String summary() { return "drop column " + table + "." + column.name(); }
    }

    record RenameColumn(String table, String from, String to) implements Change {
        public Change inverse() { return new RenameColumn(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename column " + table + "." + from + " to " + to; }
    }

    /** What about a column an {@link AlterColumn} changes. */
    enum Aspect { TYPE, NULLABLE, DEFAULT, IDENTITY, COMMENT }

    record AlterColumn(String table, Column from, Column to) implements Change {
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
            StringBuilder s = new StringBuilder("alter column " + table + "." + to.name() + ":");
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
        public Change inverse() { return new DropPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "add primary key " + key.name() + " on " + table + key.columns(); }
    }

    record DropPrimaryKey(String table, PrimaryKey key) implements Change {
        public Change inverse() { return new AddPrimaryKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "drop primary key " + key.name() + " on " + table; }
    }

    record AddForeignKey(String table, ForeignKey key) implements Change {
        public Change inverse() { return new DropForeignKey(table, key); }
        public String subject() { return table; }
        public String summary() {
            return "add foreign key " + key.name() + " on " + table + key.columns() + " -> " + key.referencedTable()
                    + key.referencedColumns() + " on delete " + key.onDelete().sql().toLowerCase();
        }
    }

    record DropForeignKey(String table, ForeignKey key) implements Change {
        public Change inverse() { return new AddForeignKey(table, key); }
        public String subject() { return table; }
        public String summary() { return "drop foreign key " + key.name() + " on " + table; }
    }

    record AddUnique(String table, UniqueConstraint constraint) implements Change {
        public Change inverse() { return new DropUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "add unique constraint " + constraint.name() + " on " + table + constraint.columns(); }
    }

    record DropUnique(String table, UniqueConstraint constraint) implements Change {
        public Change inverse() { return new AddUnique(table, constraint); }
        public String subject() { return table; }
        public String summary() { return "drop unique constraint " + constraint.name() + " on " + table; }
    }

    record AddCheck(String table, CheckConstraint check) implements Change {
        public Change inverse() { return new DropCheck(table, check); }
        public String subject() { return table; }
        public String summary() { return "add check constraint " + check.name() + " on " + table; }
    }

    record DropCheck(String table, CheckConstraint check) implements Change {
        public Change inverse() { return new AddCheck(table, check); }
        public String subject() { return table; }
        public String summary() { return "drop check constraint " + check.name() + " on " + table; }
    }

    /** Renames a constraint of any kind (PK, FK, unique, check) whose definition is unchanged. */
    record RenameConstraint(String table, String from, String to) implements Change {
        public Change inverse() { return new RenameConstraint(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename constraint " + table + "." + from + " to " + to; }
    }

    record CreateIndex(String table, Index index, boolean concurrently) implements Change {
        public Change inverse() { return new DropIndex(table, index, concurrently); }
        public String subject() { return table; }
        public String summary() { return "create index " + index.name() + " on " + table; }
    }

    record DropIndex(String table, Index index, boolean concurrently) implements Change {
        public Change inverse() { return new CreateIndex(table, index, concurrently); }
        public String subject() { return table; }
        public String summary() { return "drop index " + index.name() + " on " + table; }
    }

    record RenameIndex(String table, String from, String to) implements Change {
        public Change inverse() { return new RenameIndex(table, to, from); }
        public String subject() { return table; }
        public String summary() { return "rename index " + from + " to " + to; }
    }

    record SetTableComment(String table, Optional<String> from, Optional<String> to) implements Change {
        public Change inverse() { return new SetTableComment(table, to, from); }
        public String subject() { return table; }
        public String summary() { return (to.isPresent() ? "set" : "drop") + " comment on table " + table; }
    }

    record CreateSequence(Sequence sequence) implements Change {
        public Change inverse() { return new DropSequence(sequence); }
        public String subject() { return sequence.name(); }
        public String summary() { return "create sequence " + sequence.name(); }
    }

    record DropSequence(Sequence sequence) implements Change {
        public Change inverse() { return new CreateSequence(sequence); }
        public String subject() { return sequence.name(); }
        public String summary() { return "drop sequence " + sequence.name(); }
    }

    record AlterSequence(Sequence from, Sequence to) implements Change {
        public AlterSequence {
            Objects.requireNonNull(from);
            if (!from.name().equals(to.name())) {
                throw new IllegalArgumentException("AlterSequence keeps the name");
            }
        }

        public Change inverse() { return new AlterSequence(to, from); }
        public String subject() { return to.name(); }
        public String summary() { return "alter sequence " + to.name(); }
    }
}

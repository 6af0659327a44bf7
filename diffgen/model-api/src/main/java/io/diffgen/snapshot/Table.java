package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * A table with everything that hangs off it. Lists keep declaration order; names identify members.
 * {@code storage} holds its storage parameters as {@code pg_class.reloptions} spells them
 * ({@code fillfactor=70}; those of its TOAST table prefixed {@code toast.}).
 */
public record Table(
        String name,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniques,
        List<CheckConstraint> checks,
        List<Index> indexes,
        Optional<String> comment,
        List<OwnedSequence> ownedSequences,
        List<String> storage) {

    public Table {
        columns = List.copyOf(columns);
        ownedSequences = List.copyOf(ownedSequences);
        foreignKeys = List.copyOf(foreignKeys);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        storage = List.copyOf(storage);
    }

    /** A table as a model declares it: no column owns a sequence, no storage parameter is set. */
    public Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<Index> indexes, Optional<String> comment) {
        this(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, List.of(), List.of());
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The table without the objects that are created in their own statements (indexes and FKs). */
    public Table withoutIndexesAndForeignKeys() {
        return new Table(name, columns, primaryKey, List.of(), uniques, checks, List.of(), comment, ownedSequences, storage);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, foreignKeys, uniques, checks, indexes, comment, ownedSequences, storage);
    }

    public Table withForeignKeys(List<ForeignKey> keys) {
        return new Table(name, columns, primaryKey, keys, uniques, checks, indexes, comment, ownedSequences, storage);
    }

    public Table withOwnedSequences(List<OwnedSequence> sequences) {
        return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, sequences, storage);
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, ownedSequences, storage);
    }

    public Table withStorage(List<String> parameters) {
        return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment, ownedSequences, parameters);
    }
}

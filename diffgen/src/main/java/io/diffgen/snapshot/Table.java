package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

/** A table with everything that hangs off it. Lists keep declaration order; names identify members. */
public record Table(
        String name,
        List<Column> columns,
        Optional<PrimaryKey> primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniques,
        List<CheckConstraint> checks,
        List<Index> indexes,
        Optional<String> comment) {

    public Table {
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The table without the objects that are created in their own statements (indexes and FKs). */
    public Table withoutIndexesAndForeignKeys() {
        return new Table(name, columns, primaryKey, List.of(), uniques, checks, List.of(), comment);
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, foreignKeys, uniques, checks, indexes, comment);
    }
}

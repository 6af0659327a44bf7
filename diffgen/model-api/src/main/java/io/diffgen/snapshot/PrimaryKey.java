package io.diffgen.snapshot;

import java.util.List;

public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
    }

    /** The same columns, in any order: the same key (the order only changes which lookups its index serves). */
    public boolean sameColumns(PrimaryKey other) {
        return columns.size() == other.columns.size() && columns.containsAll(other.columns);
    }
}

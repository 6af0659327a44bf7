package io.diffgen.snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A schema as a value: tables and sequences by name. Both sides of a diff are one of these, read by
 * the same catalog reader, so equal facts are equal records.
 */
public record SchemaSnapshot(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences) {

    public SchemaSnapshot {
        tables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences) {
        Map<String, Table> t = new LinkedHashMap<>();
        tables.forEach(table -> t.put(table.name(), table));
        Map<String, Sequence> s = new LinkedHashMap<>();
        sequences.forEach(seq -> s.put(seq.name(), seq));
        return new SchemaSnapshot(new TreeMap<>(t), new TreeMap<>(s));
    }

    public static SchemaSnapshot empty() {
        return of(List.of(), List.of());
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}

package io.diffgen.snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A schema as a value: tables, sequences and enum types by name. Both sides of a diff are one of
 * these, read by the same catalog reader, so equal facts are equal records.
 */
public record SchemaSnapshot(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences, SortedMap<String, EnumType> enums) {

    public SchemaSnapshot {
        tables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        enums = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(enums));
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences) {
        return of(tables, sequences, List.of());
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enums) {
        Map<String, Table> t = new LinkedHashMap<>();
        tables.forEach(table -> t.put(table.name(), table));
        Map<String, Sequence> s = new LinkedHashMap<>();
        sequences.forEach(seq -> s.put(seq.name(), seq));
        Map<String, EnumType> e = new LinkedHashMap<>();
        enums.forEach(type -> e.put(type.name(), type));
        return new SchemaSnapshot(new TreeMap<>(t), new TreeMap<>(s), new TreeMap<>(e));
    }

    public SchemaSnapshot withTables(Collection<Table> newTables) {
        return of(newTables, sequences.values(), enums.values());
    }

    public static SchemaSnapshot empty() {
        return of(List.of(), List.of());
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}

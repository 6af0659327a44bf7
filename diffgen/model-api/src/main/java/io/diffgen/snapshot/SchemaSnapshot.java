package io.diffgen.snapshot;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The schemas diffgen compares, as a value: tables, sequences, enum types and composite types by key
 * (their name, or {@link Identifiers#qualified schema and name} outside the connection's own schema),
 * and the other schemas that exist. Both sides of a diff are one of these, read by the same catalog reader, so
 * equal facts are equal records.
 */
public record SchemaSnapshot(SortedMap<String, Table> tables, SortedMap<String, Sequence> sequences, SortedMap<String, EnumType> enums,
                             SortedSet<String> schemas, SortedMap<String, CompositeType> composites) {

    public SchemaSnapshot {
        tables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        sequences = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sequences));
        enums = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(enums));
        schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        composites = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(composites));
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences) {
        return of(tables, sequences, List.of());
    }

    /** A snapshot whose other schemas are those its tables and sequences are in (a model's). */
    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enums) {
        Set<String> schemas = new TreeSet<>();
        tables.forEach(t -> Identifiers.schemaOf(t.name()).ifPresent(schemas::add));
        sequences.forEach(q -> Identifiers.schemaOf(q.name()).ifPresent(schemas::add));
        return of(tables, sequences, enums, schemas);
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enums,
                                    Collection<String> schemas) {
        return of(tables, sequences, enums, schemas, List.of());
    }

    public static SchemaSnapshot of(Collection<Table> tables, Collection<Sequence> sequences, Collection<EnumType> enums,
                                    Collection<String> schemas, Collection<CompositeType> composites) {
        Map<String, Table> t = new LinkedHashMap<>();
        tables.forEach(table -> t.put(table.name(), table));
        Map<String, Sequence> s = new LinkedHashMap<>();
        sequences.forEach(seq -> s.put(seq.name(), seq));
        Map<String, EnumType> e = new LinkedHashMap<>();
        enums.forEach(type -> e.put(type.name(), type));
        Map<String, CompositeType> c = new LinkedHashMap<>();
        composites.forEach(type -> c.put(type.name(), type));
        return new SchemaSnapshot(new TreeMap<>(t), new TreeMap<>(s), new TreeMap<>(e), new TreeSet<>(schemas), new TreeMap<>(c));
    }

    public SchemaSnapshot withTables(Collection<Table> newTables) {
        return of(newTables, sequences.values(), enums.values(), schemas, composites.values());
    }

    public SchemaSnapshot withComposites(Collection<CompositeType> newComposites) {
        return of(tables.values(), sequences.values(), enums.values(), schemas, newComposites);
    }

    /** This snapshot as seen from a connection whose own schema is {@code schema}: its objects there named without it. */
    public SchemaSnapshot relativeTo(String schema) {
        List<Table> rekeyed = tables.values().stream().map(t -> t.withName(Identifiers.relativeTo(t.name(), schema))
                .withForeignKeys(t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(),
                        Identifiers.relativeTo(fk.referencedTable(), schema), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())).toList()))
                .toList();
        List<Sequence> sequenceList = sequences.values().stream()
                .map(q -> new Sequence(Identifiers.relativeTo(q.name(), schema), q.start(), q.increment())).toList();
        return of(rekeyed, sequenceList, enums.values(), schemas.stream().filter(s -> !s.equals(schema)).toList(), composites.values());
    }

    /** The composite types in an order in which each comes after the types its attributes are of (or arrays of). */
    public List<CompositeType> compositesInDependencyOrder() {
        List<CompositeType> ordered = new java.util.ArrayList<>();
        Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < composites.size()) {
            int before = ordered.size();
            for (CompositeType type : composites.values()) {
                if (placed.contains(type.name())) continue;
                boolean ready = type.attributes().stream().noneMatch(a -> composites.values().stream()
                        .anyMatch(other -> !placed.contains(other.name()) && !other.name().equals(type.name())
                                && a.type().replace("[]", "").equals(Identifiers.quote(other.name()))));
                if (ready) {
                    ordered.add(type);
                    placed.add(type.name());
                }
            }
            if (ordered.size() == before) { // a cycle, which PostgreSQL cannot create either: the rest by name
                composites.values().stream().filter(t -> !placed.contains(t.name())).forEach(ordered::add);
                break;
            }
        }
        return ordered;
    }

    public static SchemaSnapshot empty() {
        return of(List.of(), List.of());
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }
}

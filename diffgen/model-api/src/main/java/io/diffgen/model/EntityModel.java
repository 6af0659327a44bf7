package io.diffgen.model;

import io.diffgen.snapshot.Identifiers;

import io.diffgen.snapshot.SchemaSnapshot;

import java.util.List;
import java.util.Set;

/**
 * The schema the entities describe, as Hibernate maps them (types and expressions not yet in
 * PostgreSQL's canonical spelling), the renames they declare, and which constraint and index names
 * the model did not choose ({@link #generatedName}): those are matched by definition, not by name; and
 * the database code Hibernate's own schema export creates beside the tables ({@code databaseCode}: a
 * {@code @View} entity's view, the auxiliary database objects), statement by statement, in its order.
 */
public record EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames, Set<String> generatedNames,
                          List<String> databaseCode) {
    public EntityModel {
        renames = List.copyOf(renames);
        entityNames = List.copyOf(entityNames);
        generatedNames = Set.copyOf(generatedNames);
        databaseCode = List.copyOf(databaseCode);
    }

    public EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames, Set<String> generatedNames) {
        this(schema, renames, entityNames, generatedNames, List.of());
    }

    public EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames) {
        this(schema, renames, entityNames, Set.of());
    }

    /** The model as seen from a connection whose own schema is {@code schema}: its objects there named without it. */
    public EntityModel relativeTo(String schema) {
        List<Rename> rekeyed = renames.stream().map(r -> {
            if (r instanceof Rename.OfTable t) {
                return (Rename) new Rename.OfTable(Identifiers.relativeTo(t.from(), schema), Identifiers.relativeTo(t.to(), schema));
            }
            if (r instanceof Rename.OfColumn c) {
                return new Rename.OfColumn(Identifiers.relativeTo(c.table(), schema), c.from(), c.to());
            }
            return r; // an enum label: enum types live in the connection's own schema
        }).toList();
        return new EntityModel(this.schema.relativeTo(schema), rekeyed, entityNames,
                generatedNames.stream().map(n -> Identifiers.relativeTo(n, schema)).collect(java.util.stream.Collectors.toSet()), databaseCode);
    }

    /** The key {@link #generatedNames} holds for a constraint or index of a table. */
    public static String generatedName(String table, String name) {
        return table + "." + name;
    }
}

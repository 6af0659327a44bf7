package io.diffgen.model;

import io.diffgen.snapshot.SchemaSnapshot;

import java.util.List;
import java.util.Set;

/**
 * The schema the entities describe, as Hibernate maps them (types and expressions not yet in
 * PostgreSQL's canonical spelling), the renames they declare, and which constraint and index names
 * the model did not choose ({@link #generatedName}): those are matched by definition, not by name.
 */
public record EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames, Set<String> generatedNames) {
    public EntityModel {
        renames = List.copyOf(renames);
        entityNames = List.copyOf(entityNames);
        generatedNames = Set.copyOf(generatedNames);
    }

    public EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames) {
        this(schema, renames, entityNames, Set.of());
    }

    /** The key {@link #generatedNames} holds for a constraint or index of a table. */
    public static String generatedName(String table, String name) {
        return table + "." + name;
    }
}

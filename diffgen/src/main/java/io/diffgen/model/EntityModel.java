package io.diffgen.model;

import io.diffgen.snapshot.SchemaSnapshot;

import java.util.List;

/**
 * The schema the entities describe, as Hibernate maps them (types and expressions not yet in
 * PostgreSQL's canonical spelling), and the renames they declare.
 */
public record EntityModel(SchemaSnapshot schema, List<Rename> renames, List<String> entityNames) {
    public EntityModel {
        renames = List.copyOf(renames);
        entityNames = List.copyOf(entityNames);
    }
}

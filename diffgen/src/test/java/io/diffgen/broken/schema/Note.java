package io.diffgen.broken.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table in a schema that belongs to PostgreSQL itself. */
@Entity
@Table(name = "note", schema = "information_schema")
public class Note {
    @Id
    Integer id;
}

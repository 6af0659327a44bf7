package io.diffgen.broken.schema;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table in another schema, which diffgen does not yet support. */
@Entity
@Table(name = "note", schema = "sales")
public class Note {
    @Id
    Integer id;
}

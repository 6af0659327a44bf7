package io.diffgen.broken.types;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A column type PostgreSQL does not have, on purpose. */
@Entity
@Table(name = "weird")
public class Weird {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "shape", columnDefinition = "hexagon")
    String shape;
}

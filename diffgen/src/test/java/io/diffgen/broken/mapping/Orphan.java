package io.diffgen.broken.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A mapping error on purpose: the association targets a class that is not an entity. */
@Entity
@Table(name = "orphan")
public class Orphan {
    @Id
    @Column(name = "id")
    Integer id;

    @ManyToOne
    NotAnEntity parent;

    public static class NotAnEntity {
        Integer id;
    }
}

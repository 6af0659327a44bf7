package io.diffgen.corpus.common;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table no edit touches: its rows must survive every upgrade and downgrade. */
@Entity
@Table(name = "keeper")
public class Keeper {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "label", length = 50, nullable = false)
    String label;
}

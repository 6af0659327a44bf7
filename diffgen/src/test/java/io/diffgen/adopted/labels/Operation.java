package io.diffgen.adopted.labels;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.util.Set;

/** Its join table's primary key, which an adopted schema may hold in the other column order. */
@Entity
public class Operation {
    @Id
    Long id;

    @ManyToMany
    Set<Label> labels;
}

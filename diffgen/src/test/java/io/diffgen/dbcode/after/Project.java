package io.diffgen.dbcode.after;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A project; its budget is a bigint in the edited model. */
@Entity
@Table(name = "project")
public class Project {
    @Id
    Long id;

    String name;

    Long budget;

    @Column(name = "updated_at")
    Instant updatedAt;
}

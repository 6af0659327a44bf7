package io.diffgen.dbcode.before;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A project; its budget is an integer. */
@Entity
@Table(name = "project")
public class Project {
    @Id
    Long id;

    String name;

    Integer budget;

    @Column(name = "updated_at")
    Instant updatedAt;
}

package io.diffgen.dbcode.after;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "job")
public class Job {
    @Id
    Long id;

    String state;

    @ManyToOne
    Project project;
}

package io.diffgen.corpus.c26_partial_index.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

@Entity
@Table(name = "task")
public class Task {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "due_date")
    LocalDate dueDate;

    @Column(name = "priority", nullable = false)
    Integer priority;

    @Column(name = "done", nullable = false)
    Boolean done;
}

package io.diffgen.corpus.c39_tables_in_two_schemas.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A table named note in schema hr. */
@Entity
@Table(name = "note", schema = "hr")
public class HrNote {
    @Id
    Integer id;

    @Column(length = 200)
    String body;
}

package io.diffgen.corpus.c41_table_and_sequence_move_schema.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What stays in schema hr. */
@Entity
@Table(name = "staff", schema = "hr")
public class Staff {
    @Id
    Integer id;
}

package io.diffgen.corpus.c41_table_and_sequence_move_schema.v2;

import io.diffgen.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A table and its sequence in schema people. */
@Entity
@RenamedFrom("hr.note")
@Table(name = "note", schema = "people")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note")
    @SequenceGenerator(name = "note", schema = "people", sequenceName = "note_seq", allocationSize = 1)
    Long id;

    @Column(length = 200)
    String body;
}

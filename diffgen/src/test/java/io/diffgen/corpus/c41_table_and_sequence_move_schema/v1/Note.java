package io.diffgen.corpus.c41_table_and_sequence_move_schema.v1;


import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A table and its sequence in schema hr. */
@Entity

@Table(name = "note", schema = "hr")
public class Note {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "note")
    @SequenceGenerator(name = "note", schema = "hr", sequenceName = "note_seq", allocationSize = 1)
    Long id;

    @Column(length = 200)
    String body;
}

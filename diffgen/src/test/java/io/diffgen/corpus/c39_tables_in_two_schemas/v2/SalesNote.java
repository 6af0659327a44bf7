package io.diffgen.corpus.c39_tables_in_two_schemas.v2;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Another table named note, in a new schema sales: its id from a sequence in that schema, a
 * column unique, an FK into the other schema, and a collection table beside it.
 */
@Entity
@Table(name = "note", schema = "sales")
public class SalesNote {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_note")
    @SequenceGenerator(name = "sales_note", schema = "sales", sequenceName = "note_seq", allocationSize = 1)
    Long id;

    @Column(unique = true, length = 40)
    String code;

    @ManyToOne
    HrNote hrNote;

    @ElementCollection
    @CollectionTable(name = "note_tag", schema = "sales")
    java.util.Set<String> tags;
}

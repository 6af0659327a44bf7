package io.diffgen.expandcontract.indexed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A change that cannot be split yet: counter widened to bigint while a new index reads it. */
@Entity
@Table(name = "reading", indexes = {@Index(name = "ix_reading_counter", columnList = "counter"),
        @Index(name = "ix_reading_label", columnList = "label, note"), @Index(name = "ix_reading_counter_note", columnList = "note, counter")})
public class Reading {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "counter", nullable = false)
    Long counter;

    @Column(name = "label", length = 100, nullable = false)
    String label;

    @Column(name = "note", length = 100)
    String note;

    @Column(name = "legacy", length = 20, nullable = false)
    String legacy;
}

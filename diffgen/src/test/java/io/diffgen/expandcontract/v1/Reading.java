package io.diffgen.expandcontract.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The old version of the application's entity. */
@Entity
@Table(name = "reading", indexes = {@Index(name = "ix_reading_counter", columnList = "counter"),
        @Index(name = "ix_reading_label", columnList = "label, note")})
public class Reading {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "counter", nullable = false)
    Integer counter;

    @Column(name = "label", length = 100, nullable = false)
    String label;

    @Column(name = "note", length = 100)
    String note;

    @Column(name = "legacy", length = 20, nullable = false)
    String legacy;
}

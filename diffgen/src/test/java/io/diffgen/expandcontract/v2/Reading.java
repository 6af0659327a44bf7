package io.diffgen.expandcontract.v2;

import io.diffgen.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The new version: counter widened to bigint (a rewrite), label renamed to title, legacy dropped, and a
 * nullable column added.
 */
@Entity
@Table(name = "reading", indexes = {@Index(name = "ix_reading_counter", columnList = "counter"),
        @Index(name = "ix_reading_label", columnList = "title, note")})
public class Reading {
    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "counter", nullable = false)
    Long counter;

    @RenamedFrom("label")
    @Column(name = "title", length = 100, nullable = false)
    String title;

    @Column(name = "note", length = 100)
    String note;

    @Column(name = "tag", length = 20)
    String tag;
}

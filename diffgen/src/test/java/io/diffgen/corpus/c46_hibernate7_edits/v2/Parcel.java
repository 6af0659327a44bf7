package io.diffgen.corpus.c46_hibernate7_edits.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** The v1 edits: another comment, code, precision and storage parameters, and the index's reset. */
@Entity
@Table(name = "parcel", comment = "a parcel on its way to a customer",
        indexes = @Index(name = "ix_parcel_sent_at", columnList = "sent_at"),
        options = "with (fillfactor = 70, autovacuum_enabled = false)")
public class Parcel {
    @Id
    Integer id;

    @Enumerated(EnumType.STRING)
    @Column(length = 1, nullable = false)
    ParcelState state;

    @Column(precision = 8, scale = 3, comment = "kilograms, to the gram")
    BigDecimal weight;

    @Column(name = "sent_at", secondPrecision = 3)
    Instant sentAt;

    @Column(name = "last_seen_at")
    Position lastSeenAt;
}

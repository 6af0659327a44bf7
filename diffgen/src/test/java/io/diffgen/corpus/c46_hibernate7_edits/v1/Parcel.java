package io.diffgen.corpus.c46_hibernate7_edits.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hibernate 7 and Jakarta Persistence 3.2: a table comment, an @EnumeratedValue code, a second
 * precision, storage parameters of the table and an index, each edited in v2.
 */
@Entity
@Table(name = "parcel", comment = "a parcel on its way",
        indexes = @Index(name = "ix_parcel_sent_at", columnList = "sent_at", options = "with (fillfactor = 90)"),
        options = "with (fillfactor = 90)")
public class Parcel {
    @Id
    Integer id;

    @Enumerated(EnumType.STRING)
    @Column(length = 1, nullable = false)
    ParcelState state;

    @Column(precision = 8, scale = 2, comment = "kilograms")
    BigDecimal weight;

    @Column(name = "sent_at", secondPrecision = 0)
    Instant sentAt;

    @Column(name = "last_seen_at")
    Position lastSeenAt;
}

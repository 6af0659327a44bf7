package io.diffgen.corpus.c46_hibernate7_edits.v2;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.Struct;

/** A {@code @Struct} embeddable, given an attribute in v2: one column of a PostgreSQL composite type. */
@Embeddable
@Struct(name = "position")
public record Position(double latitude, double longitude, Double altitude) {
}

package io.diffgen.hibernate7;

import jakarta.persistence.Embeddable;
import org.hibernate.annotations.Struct;

/** A {@code @Struct} embeddable: Hibernate stores it in one column of a PostgreSQL composite type. */
@Embeddable
@Struct(name = "geo_point")
public record GeoPoint(double latitude, double longitude) {
}

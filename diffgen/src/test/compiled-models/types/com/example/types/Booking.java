package com.example.types;

import io.hypersistence.utils.hibernate.type.json.JsonType;
import io.hypersistence.utils.hibernate.type.range.PostgreSQLRangeType;
import io.hypersistence.utils.hibernate.type.range.Range;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Type;

import java.time.LocalDate;
import java.util.Map;

/**
 * JSON and range columns through Hypersistence Utils' types, as its documentation maps them. (Its
 * ListArrayType is left out: Hibernate's own schema validation refuses a text[] column of it even on
 * the schema Hibernate itself created.)
 */
@Entity
public class Booking {
    @Id
    Long id;

    @Type(JsonType.class)
    @Column(columnDefinition = "jsonb")
    Map<String, Object> properties;

    @Type(PostgreSQLRangeType.class)
    @Column(columnDefinition = "daterange")
    Range<LocalDate> stay;

    @Type(PostgreSQLRangeType.class)
    @Column(columnDefinition = "int4range")
    Range<Integer> guests;
}

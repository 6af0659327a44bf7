package io.diffgen.corpus.c38_named_enum_loses_value.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A column of a PostgreSQL enum type (SqlTypes.NAMED_ENUM), with a default. */
@Entity
@Table(name = "ticket")
public class Ticket {
    @Id
    @Column(name = "id")
    Integer id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @ColumnDefault("'OPEN'")
    @Column(name = "state", nullable = false)
    TicketState state;
}

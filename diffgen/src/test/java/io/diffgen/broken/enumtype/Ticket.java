package io.diffgen.broken.enumtype;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A PostgreSQL enum type, which diffgen does not yet create. */
@Entity
public class Ticket {
    public enum State { OPEN, CLOSED }

    @Id
    Integer id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    State state;
}

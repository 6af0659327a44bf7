package io.diffgen.broken.enumtwice;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Its own enum named Status: Hibernate would map it and the other entity's to one type. */
@Entity
public class Task {
    public enum Status { X,Y,Z }

    @Id
    Integer id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Status status;
}

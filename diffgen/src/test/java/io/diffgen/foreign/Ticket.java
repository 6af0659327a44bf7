package io.diffgen.foreign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;

/** A table an existing database already has, created by hand the way Hibernate's DDL would. */
@Entity
@Table(name = "ticket", indexes = @Index(name = "ix_ticket_state", columnList = "state"))
@Check(name = "ck_ticket_state_valid", constraints = "state IN ('open','closed')")
public class Ticket {
    @Id
    @Column(name = "id")
    Integer id;

    @ColumnDefault("'open'")
    @Column(name = "state", length = 20, nullable = false)
    String state;
}

package io.diffgen.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

/** An entity Hibernate Envers audits: Envers adds its audit table and its revision table to Hibernate's model. */
@Entity
@Audited
public class Note {
    @Id
    @GeneratedValue
    Long id;

    String text;
}

package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import org.hibernate.envers.Audited;

import java.util.Set;

/** An entity Hibernate Envers audits: Envers adds note_aud, the audit table of its tags, and revinfo. */
@Entity
@Audited
public class Note {
    @Id
    @GeneratedValue
    Long id;

    String text;

    @ManyToMany
    Set<Tag> tags;
}

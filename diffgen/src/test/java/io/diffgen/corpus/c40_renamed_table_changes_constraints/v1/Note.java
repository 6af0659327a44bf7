package io.diffgen.corpus.c40_renamed_table_changes_constraints.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "note", uniqueConstraints = @UniqueConstraint(name = "uq_note_code", columnNames = "code"),
        indexes = @Index(name = "ix_note_body", columnList = "body"))
public class Note {
    @Id
    Integer id;

    @Column(length = 20)
    String code;

    @Column(length = 200)
    String body;
}

package io.diffgen.corpus.c40_renamed_table_changes_constraints.v2;

import io.diffgen.annotations.RenamedFrom;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The table renamed in the same revision that drops its unique constraint and changes its index. */
@Entity
@RenamedFrom("note")
@Table(name = "memo", indexes = @Index(name = "ix_note_body", columnList = "body, code"))
public class Memo {
    @Id
    Integer id;

    @Column(length = 20)
    String code;

    @Column(length = 200)
    String body;
}

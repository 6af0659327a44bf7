package io.diffgen.corpus.c27_undeclared_rename.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "member")
public class Member {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "display_name", length = 60)
    String displayName;
}

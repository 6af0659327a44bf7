package io.diffgen.corpus.c31_column_unique_added.v2;

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

    @Column(name = "handle", length = 40, nullable = false, unique = true)
    String handle;
}

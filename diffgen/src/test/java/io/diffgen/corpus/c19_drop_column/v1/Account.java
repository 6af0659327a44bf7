package io.diffgen.corpus.c19_drop_column.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "account")
public class Account {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "login", length = 50, nullable = false)
    String login;

    @Column(name = "legacy_code", length = 30)
    String legacyCode;
}

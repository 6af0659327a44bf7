package io.diffgen.corpus.c19_drop_column.v2;

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
}

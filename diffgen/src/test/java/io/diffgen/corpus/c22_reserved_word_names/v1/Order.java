package io.diffgen.corpus.c22_reserved_word_names.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "order")
public class Order {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "user", length = 50, nullable = false)
    String user;

    @Column(name = "type", length = 20)
    String type;
}

package io.diffgen.corpus.c05_int_to_bigint.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "counter")
public class Counter {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "hits", nullable = false)
    Integer hits;
}

package io.diffgen.corpus.c30_unique_dropped.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "subscriber")
public class Subscriber {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "email", length = 100, nullable = false)
    String email;
}

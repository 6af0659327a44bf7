package io.diffgen.corpus.c30_unique_dropped.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(name = "subscriber", uniqueConstraints = @UniqueConstraint(name = "uq_subscriber_email", columnNames = "email"))
public class Subscriber {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "email", length = 100, nullable = false)
    String email;
}

package io.diffgen.corpus.c08_nullable_to_not_null.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "contact")
public class Contact {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "email", length = 100)
    String email;
}

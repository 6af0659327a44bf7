package io.diffgen.corpus.c34_one_to_one_unique.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** A new table whose @OneToOne join column Hibernate makes unique. */
@Entity
@Table(name = "citizen")
public class Citizen {
    @Id
    Integer id;

    @OneToOne
    Passport passport;
}

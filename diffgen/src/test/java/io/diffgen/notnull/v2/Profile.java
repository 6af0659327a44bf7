package io.diffgen.notnull.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A country each profile must have, with no default: the rows already there have none. */
@Entity
@Table(name = "profiles")
public class Profile {
    @Id
    Long id;

    @Column(name = "name", length = 80)
    String name;

    @Column(name = "country", length = 2, nullable = false)
    String country;
}

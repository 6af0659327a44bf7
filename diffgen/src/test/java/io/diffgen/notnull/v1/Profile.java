package io.diffgen.notnull.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "profiles")
public class Profile {
    @Id
    Long id;

    @Column(name = "name", length = 80)
    String name;
}

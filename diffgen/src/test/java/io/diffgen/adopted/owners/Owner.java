package io.diffgen.adopted.owners;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Spring Boot's naming, set in its config/application.properties, makes firstName first_name. */
@Entity
@Table(name = "owners")
public class Owner {
    @Id
    Long id;

    String firstName;
}

package io.diffgen.corpus.c32_bean_validation_size.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

/** Bean Validation only: Hibernate turns @Size into the length and @NotNull into NOT NULL. */
@Entity
@Table(name = "author")
public class Author {
    @Id
    Integer id;

    @Size(max = 40)
    String penName;

    String country;
}

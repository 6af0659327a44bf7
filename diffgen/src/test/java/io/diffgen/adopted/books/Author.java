package io.diffgen.adopted.books;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Author {
    @Id
    Long id;

    String name;
}

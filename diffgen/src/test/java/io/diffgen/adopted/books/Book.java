package io.diffgen.adopted.books;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Its foreign key is unnamed: diffgen calls it fk_book_author_id, the adopted schema (JHipster's) fk_book__author_id. */
@Entity
public class Book {
    @Id
    Long id;

    String title;

    @ManyToOne
    Author author;
}

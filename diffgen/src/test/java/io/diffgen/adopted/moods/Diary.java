package io.diffgen.adopted.moods;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A column of an enum type the database already has, named only by {@code columnDefinition}: Hibernate does not create it. */
@Entity
public class Diary {
    @Id
    Long id;

    @Column(columnDefinition = "mood")
    String mood;
}

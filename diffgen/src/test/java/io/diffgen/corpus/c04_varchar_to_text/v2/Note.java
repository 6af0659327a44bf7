package io.diffgen.corpus.c04_varchar_to_text.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "note")
public class Note {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "body", columnDefinition = "text")
    String body;
}

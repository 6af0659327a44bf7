package io.diffgen.corpus.c23_declared_column_rename.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "story", indexes = @Index(name = "ix_story_title", columnList = "title"))
public class Headline {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "title", length = 120, nullable = false)
    String title;
}

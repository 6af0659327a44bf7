package io.diffgen.corpus.c24_declared_table_rename.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "blog_entry")
public class Post {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "title", length = 100, nullable = false)
    String title;
}

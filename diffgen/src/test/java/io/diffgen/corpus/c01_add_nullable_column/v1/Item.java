package io.diffgen.corpus.c01_add_nullable_column.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "item")
public class Item {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "title", length = 100, nullable = false)
    String title;
}

package io.diffgen.corpus.c02_add_not_null_column_with_default.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "item")
public class Item {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "title", length = 100, nullable = false)
    String title;

    @ColumnDefault("0")
    @Column(name = "quantity", nullable = false)
    Integer quantity;
}

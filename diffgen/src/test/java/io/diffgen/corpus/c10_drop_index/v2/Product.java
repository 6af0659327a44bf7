package io.diffgen.corpus.c10_drop_index.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
public class Product {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "sku", length = 40, nullable = false)
    String sku;
}

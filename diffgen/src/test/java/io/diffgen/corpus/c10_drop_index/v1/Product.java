package io.diffgen.corpus.c10_drop_index.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(name = "product", indexes = @Index(name = "ix_product_sku", columnList = "sku"))
public class Product {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "sku", length = 40, nullable = false)
    String sku;
}

package io.diffgen.corpus.c25_several_changes.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "shop", indexes = @Index(name = "ix_shop_name", columnList = "name"))
@Check(name = "ck_shop_rating", constraints = "rating BETWEEN 1 AND 5")
public class Shop {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "name", length = 120, nullable = false)
    String name;

    @Column(name = "rating")
    Integer rating;
}

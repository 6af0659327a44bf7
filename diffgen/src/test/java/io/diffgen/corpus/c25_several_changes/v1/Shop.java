package io.diffgen.corpus.c25_several_changes.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "shop")
public class Shop {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "name", length = 40, nullable = false)
    String name;

    @Column(name = "rating")
    Integer rating;
}

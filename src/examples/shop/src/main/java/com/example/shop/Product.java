package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

@Entity
@Table(name = "product")
public class Product {
    @Id
    Long id;

    @Column(nullable = false, length = 80)
    String title;

    @Column(nullable = false, precision = 10, scale = 2)
    BigDecimal price;
}

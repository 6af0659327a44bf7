package com.example.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    Long id;

    @Column(nullable = false, length = 120)
    String fullName;

    @Column(nullable = false, unique = true, length = 200)
    String email;
}

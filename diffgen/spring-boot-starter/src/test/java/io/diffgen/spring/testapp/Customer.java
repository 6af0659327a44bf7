package io.diffgen.spring.testapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Customer {
    @Id
    Long id;

    /** full_name under Spring Boot's naming, which the migrations must use too */
    @Column(nullable = false, length = 120)
    String fullName;
}

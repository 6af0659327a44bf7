package io.diffgen.corpus.c03_widen_varchar.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "full_name", length = 200, nullable = false)
    String fullName;
}

package io.diffgen.viewentity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

@Entity
public class Purchase {
    @Id
    Long id;

    @Column(name = "customer_id")
    Long customerId;

    @Column(precision = 12, scale = 2)
    BigDecimal amount;
}

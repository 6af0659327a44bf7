package io.diffgen.corpus.c07_numeric_precision_scale.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

@Entity
@Table(name = "price")
public class Price {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "amount", precision = 14, scale = 4, nullable = false)
    BigDecimal amount;
}

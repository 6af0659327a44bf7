package io.diffgen.adopted.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;

/** The table the view reads. */
@Entity
public class Purchase {
    @Id
    Long id;

    Long customerId;

    BigDecimal amount;
}

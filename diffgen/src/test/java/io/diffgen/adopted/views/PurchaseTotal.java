package io.diffgen.adopted.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;

/** A read-only entity mapped by name onto a view the database already has. */
@Entity
@Immutable
@Table(name = "purchase_total")
public class PurchaseTotal {
    @Id
    Long customerId;

    BigDecimal total;
}

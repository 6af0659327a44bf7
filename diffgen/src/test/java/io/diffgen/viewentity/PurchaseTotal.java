package io.diffgen.viewentity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.View;

import java.math.BigDecimal;

/** A read-only entity over a view Hibernate's own schema export creates ({@code @View}): diffgen creates the same one. */
@Entity
@Immutable
@Table(name = "purchase_total")
@View(query = "select customer_id, sum(amount) as total from Purchase group by customer_id")
public class PurchaseTotal {
    @Id
    @Column(name = "customer_id")
    Long customerId;

    BigDecimal total;
}

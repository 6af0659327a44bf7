package io.diffgen.corpus.c15_changed_check.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Check;

@Entity
@Table(name = "stock")
@Check(name = "ck_stock_quantity", constraints = "quantity >= 0")
public class Stock {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "quantity", nullable = false)
    Integer quantity;
}

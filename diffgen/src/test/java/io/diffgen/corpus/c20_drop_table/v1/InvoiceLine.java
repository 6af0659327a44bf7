package io.diffgen.corpus.c20_drop_table.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.Check;

import java.math.BigDecimal;

@Entity
@Table(name = "invoice_line",
        indexes = @Index(name = "ix_invoice_line_invoice", columnList = "invoice_id"),
        uniqueConstraints = @UniqueConstraint(name = "uq_invoice_line_position", columnNames = {"invoice_id", "position"}))
@Check(name = "ck_invoice_line_amount", constraints = "amount >= 0")
public class InvoiceLine {
    @Id
    @Column(name = "id")
    Integer id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invoice_id", nullable = false, foreignKey = @ForeignKey(name = "fk_invoice_line_invoice"))
    Invoice invoice;

    @Column(name = "position", nullable = false)
    Integer position;

    @Column(name = "amount", precision = 10, scale = 2, nullable = false)
    BigDecimal amount;
}

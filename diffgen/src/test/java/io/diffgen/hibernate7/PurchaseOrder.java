package io.diffgen.hibernate7;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NativeGenerator;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "purchase_order", comment = "an order a customer placed",
        check = @CheckConstraint(name = "ck_purchase_order_total", constraint = "total >= 0"),
        indexes = @Index(name = "ix_purchase_order_placed_at", columnList = "placed_at", options = "with (fillfactor = 80, deduplicate_items = off)"),
        options = "with (fillfactor = 70, autovacuum_enabled)")
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP)
public class PurchaseOrder {
    @Id
    @GeneratedValue
    @NativeGenerator
    Long id;

    @TenantId
    @Column(length = 40)
    String tenant;

    @Version
    int version;

    @Enumerated(EnumType.STRING)
    @Column(length = 1, nullable = false, comment = "N new, P paid, S shipped, C cancelled")
    OrderStatus status;

    @Column(precision = 12, scale = 2, nullable = false, check = @CheckConstraint(name = "ck_purchase_order_total_cents", constraint = "scale(total) <= 2"))
    BigDecimal total;

    @Column(name = "placed_at", secondPrecision = 3)
    Instant placedAt;

    LocalDateTime updatedAt;

    OffsetDateTime confirmedAt;

    LocalTime deliveryWindowStart;

    @Embedded
    @EmbeddedColumnNaming("ship_%s")
    Address shipTo;

    @Embedded
    @EmbeddedColumnNaming("bill_%s")
    Address billTo;

    GeoPoint deliveryLocation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    List<String> tags;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> attributes;

    @ManyToOne
    @JoinColumn(name = "customer_id", comment = "who placed it")
    Customer customer;
}

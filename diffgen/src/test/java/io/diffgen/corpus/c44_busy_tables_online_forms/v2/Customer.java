package io.diffgen.corpus.c44_busy_tables_online_forms.v2;

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

/** The edit of issue 12, on tables that hold rows: an FK column, NOT NULL, a UNIQUE, a changed CHECK, an index. */
@Entity
@Table(name = "customer", uniqueConstraints = @UniqueConstraint(name = "uq_customer_email", columnNames = "email"),
        indexes = @Index(name = "ix_customer_region_id", columnList = "region_id"))
@Check(name = "ck_customer_name", constraints = "char_length(name) >= 2")
public class Customer {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "email", length = 200)
    String email;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "region_id", foreignKey = @ForeignKey(name = "fk_customer_region"))
    Region region;
}

package io.diffgen.corpus.c22_reserved_word_names.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

import java.time.LocalDateTime;

@Entity
@Table(name = "order", indexes = @Index(name = "ix_order_user_type", columnList = "user, type"))
public class Order {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "user", length = 50, nullable = false)
    String user;

    @Column(name = "type", length = 40)
    String type;

    @Column(name = "timestamp")
    LocalDateTime timestamp;

    @ColumnDefault("false")
    @Column(name = "select", nullable = false)
    Boolean select;
}

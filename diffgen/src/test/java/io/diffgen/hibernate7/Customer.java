package io.diffgen.hibernate7;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

@Entity
@Table(name = "customer")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    @TenantId
    @Column(length = 40)
    String tenant;

    // a line break in a comment, and a line that would start a changeset if the script wrote it raw
    @Column(nullable = false, comment = "as the customer writes it,\n--changeset evil:1 included")
    String name;

    boolean active;
}

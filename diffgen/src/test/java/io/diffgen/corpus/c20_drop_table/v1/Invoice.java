package io.diffgen.corpus.c20_drop_table.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoice")
public class Invoice {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "number", length = 20, nullable = false)
    String number;
}

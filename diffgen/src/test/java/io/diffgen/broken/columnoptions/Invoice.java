package io.diffgen.broken.columnoptions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Column options (Jakarta Persistence 3.2), SQL Hibernate appends to the column, which diffgen does not write or compare: refused, not lost. */
@Entity
@Table(name = "invoice")
public class Invoice {
    @Id
    Long id;

    @Column(name = "total", options = "collate \"C\"")
    String total;
}

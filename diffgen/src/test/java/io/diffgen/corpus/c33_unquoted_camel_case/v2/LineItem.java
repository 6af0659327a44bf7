package io.diffgen.corpus.c33_unquoted_camel_case.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** No names given: Hibernate writes LineItem and productCode unquoted, and PostgreSQL folds them. */
@Entity
public class LineItem {
    @Id
    Integer id;

    String productCode;

    Integer unitPrice;
}

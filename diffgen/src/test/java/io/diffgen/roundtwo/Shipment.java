package io.diffgen.roundtwo;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.annotations.Formula;

/** {@code @Min} and {@code @Max} on one field (Hibernate writes one CHECK), and a {@code @Formula}, which has no column. */
@Entity
public class Shipment {
    @Id
    Long id;

    @Min(0)
    @Max(1000)
    int weight;

    @Formula("weight * 2")
    int doubleWeight;
}

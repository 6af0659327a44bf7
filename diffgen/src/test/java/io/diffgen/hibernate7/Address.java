package io.diffgen.hibernate7;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A record as an embeddable (Jakarta Persistence 3.2). */
@Embeddable
public record Address(@Column(length = 80) String street, @Column(length = 40) String city, @Column(name = "postal_code", length = 10) String postalCode) {
}

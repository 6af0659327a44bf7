package io.diffgen.corpus.c21_comment.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Comment;

@Entity
@Table(name = "destination")
@Comment("Places a shipment can be sent to")
public class Destination {
    @Id
    @Column(name = "id")
    Integer id;

    @Comment("ISO 3166-1 alpha-2, upper case")
    @Column(name = "country_code", length = 2, nullable = false)
    String countryCode;
}

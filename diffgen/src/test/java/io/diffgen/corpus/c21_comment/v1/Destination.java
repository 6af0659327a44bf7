package io.diffgen.corpus.c21_comment.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "destination")
public class Destination {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "country_code", length = 2, nullable = false)
    String countryCode;
}

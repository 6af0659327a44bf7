package io.diffgen.corpus.c18_jsonb_default_empty_array.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "photo")
public class Photo {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "url", length = 200, nullable = false)
    String url;
}

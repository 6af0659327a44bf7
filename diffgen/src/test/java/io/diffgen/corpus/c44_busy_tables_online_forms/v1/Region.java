package io.diffgen.corpus.c44_busy_tables_online_forms.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "region")
public class Region {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "code", length = 10, nullable = false)
    String code;
}

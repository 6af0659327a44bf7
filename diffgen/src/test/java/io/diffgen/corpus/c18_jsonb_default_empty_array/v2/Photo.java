package io.diffgen.corpus.c18_jsonb_default_empty_array.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

@Entity
@Table(name = "photo")
public class Photo {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "url", length = 200, nullable = false)
    String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'[]'::jsonb")
    @Column(name = "tags", nullable = false)
    List<String> tags;
}

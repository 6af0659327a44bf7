package io.diffgen.corpus.c24_declared_table_rename.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "reply")
public class Reply {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "body", length = 200, nullable = false)
    String body;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "entry_id", nullable = false, foreignKey = @ForeignKey(name = "fk_reply_entry"))
    Post entry;
}

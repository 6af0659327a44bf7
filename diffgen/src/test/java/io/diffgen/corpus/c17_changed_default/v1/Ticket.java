package io.diffgen.corpus.c17_changed_default.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

@Entity
@Table(name = "ticket")
public class Ticket {
    @Id
    @Column(name = "id")
    Integer id;

    @ColumnDefault("'draft'")
    @Column(name = "state", length = 20, nullable = false)
    String state;
}

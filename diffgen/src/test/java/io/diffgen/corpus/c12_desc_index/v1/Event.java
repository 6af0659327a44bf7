package io.diffgen.corpus.c12_desc_index.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

@Entity
@Table(name = "event")
public class Event {
    @Id
    @Column(name = "id")
    Integer id;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;
}

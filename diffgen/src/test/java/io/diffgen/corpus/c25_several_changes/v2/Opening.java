package io.diffgen.corpus.c25_several_changes.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalTime;

@Entity
@Table(name = "opening")
public class Opening {
    @Id
    @Column(name = "id")
    Integer id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "shop_id", nullable = false, foreignKey = @ForeignKey(name = "fk_opening_shop"))
    Shop shop;

    @Column(name = "weekday", nullable = false)
    Short weekday;

    @Column(name = "opens_at", nullable = false)
    LocalTime opensAt;
}

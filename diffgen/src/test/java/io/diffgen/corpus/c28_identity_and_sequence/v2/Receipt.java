package io.diffgen.corpus.c28_identity_and_sequence.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "receipt")
public class Receipt {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "receipt_gen")
    @SequenceGenerator(name = "receipt_gen", sequenceName = "receipt_seq", allocationSize = 20)
    @Column(name = "id")
    Long id;

    @Column(name = "total_cents", nullable = false)
    Long totalCents;
}

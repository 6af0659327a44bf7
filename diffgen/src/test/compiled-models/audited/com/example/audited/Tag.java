package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Tag {
    @Id
    Long id;

    String label;
}

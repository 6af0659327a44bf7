package io.diffgen.adopted.labels;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Label {
    @Id
    Long id;
}

package io.diffgen.composedconstraint;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Label extends Named {
    @Id
    Long id;

    String colour;
}

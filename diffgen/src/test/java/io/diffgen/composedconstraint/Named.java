package io.diffgen.composedconstraint;

import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public abstract class Named {
    @Required
    String name;

    String note;
}

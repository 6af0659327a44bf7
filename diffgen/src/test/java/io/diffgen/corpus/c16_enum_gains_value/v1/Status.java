package io.diffgen.corpus.c16_enum_gains_value.v1;

public enum Status {
    DRAFT, PUBLISHED
}

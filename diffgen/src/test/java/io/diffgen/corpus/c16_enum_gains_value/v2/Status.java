package io.diffgen.corpus.c16_enum_gains_value.v2;

public enum Status {
    DRAFT, PUBLISHED, ARCHIVED
}

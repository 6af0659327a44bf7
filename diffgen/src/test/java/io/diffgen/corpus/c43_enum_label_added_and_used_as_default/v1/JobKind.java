package io.diffgen.corpus.c43_enum_label_added_and_used_as_default.v1;


public enum JobKind {
    OPEN, CLOSED
}

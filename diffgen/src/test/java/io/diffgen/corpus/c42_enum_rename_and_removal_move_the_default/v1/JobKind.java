package io.diffgen.corpus.c42_enum_rename_and_removal_move_the_default.v1;


public enum JobKind {
    A, B, NEW
}

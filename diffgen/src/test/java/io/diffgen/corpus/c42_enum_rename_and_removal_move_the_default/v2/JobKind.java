package io.diffgen.corpus.c42_enum_rename_and_removal_move_the_default.v2;

import io.diffgen.annotations.RenamedFrom;
public enum JobKind {
    @RenamedFrom("A") AA, B
}

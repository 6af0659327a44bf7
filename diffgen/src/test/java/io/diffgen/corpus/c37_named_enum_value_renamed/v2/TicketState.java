package io.diffgen.corpus.c37_named_enum_value_renamed.v2;

import io.diffgen.annotations.RenamedFrom;

public enum TicketState {
    OPEN, @RenamedFrom("CLOSED") DONE
}

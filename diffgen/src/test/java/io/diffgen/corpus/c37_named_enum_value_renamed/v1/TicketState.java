package io.diffgen.corpus.c37_named_enum_value_renamed.v1;


public enum TicketState {
    OPEN, CLOSED
}

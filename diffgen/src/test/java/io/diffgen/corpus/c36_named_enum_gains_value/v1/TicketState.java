package io.diffgen.corpus.c36_named_enum_gains_value.v1;


public enum TicketState {
    OPEN, CLOSED
}

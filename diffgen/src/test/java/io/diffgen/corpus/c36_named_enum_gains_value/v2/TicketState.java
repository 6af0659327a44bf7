package io.diffgen.corpus.c36_named_enum_gains_value.v2;


public enum TicketState {
    OPEN, CLOSED, ARCHIVED
}

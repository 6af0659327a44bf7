package io.diffgen.corpus.c38_named_enum_loses_value.v2;


public enum TicketState {
    OPEN, CLOSED
}

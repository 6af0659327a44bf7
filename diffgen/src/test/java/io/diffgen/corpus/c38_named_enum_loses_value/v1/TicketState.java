package io.diffgen.corpus.c38_named_enum_loses_value.v1;


public enum TicketState {
    OPEN, CLOSED, SPAM
}

package io.diffgen.corpus.c46_hibernate7_edits.v1;

import jakarta.persistence.EnumeratedValue;

public enum ParcelState {
    NEW("N"), SENT("S");

    @EnumeratedValue
    final String code;

    ParcelState(String code) {
        this.code = code;
    }
}

package io.diffgen.corpus.c46_hibernate7_edits.v2;

import jakarta.persistence.EnumeratedValue;

public enum ParcelState {
    NEW("N"), SENT("S"), LOST("L");

    @EnumeratedValue
    final String code;

    ParcelState(String code) {
        this.code = code;
    }
}

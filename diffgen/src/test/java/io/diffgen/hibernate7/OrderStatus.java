package io.diffgen.hibernate7;

import jakarta.persistence.EnumeratedValue;

/** Stored as its one-letter code ({@code @EnumeratedValue}), not its name. */
public enum OrderStatus {
    NEW("N"), PAID("P"), SHIPPED("S"), CANCELLED("C");

    @EnumeratedValue
    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

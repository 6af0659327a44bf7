package io.diffgen.snapshot;

import java.util.List;

/**
 * A PostgreSQL enum type ({@code CREATE TYPE name AS ENUM (...)}): its labels in sort order, and
 * whether the implicit casts from and to {@code varchar} that Hibernate creates beside it exist.
 */
public record EnumType(String name, List<String> values, boolean varcharCasts) {

    public EnumType {
        values = List.copyOf(values);
    }

    public EnumType withValues(List<String> newValues) {
        return new EnumType(name, newValues, varcharCasts);
    }
}

package io.diffgen.model;

/** A rename the model declares with {@code @RenamedFrom}: of a table, a column, or an enum label. */
public sealed interface Rename {
    record OfTable(String from, String to) implements Rename {
    }

    record OfColumn(String table, String from, String to) implements Rename {
    }

    /** A label of an enum type, declared on the Java enum constant. */
    record OfEnumValue(String type, String from, String to) implements Rename {
    }
}

package io.diffgen.model;

/** A rename the model declares with {@code @RenamedFrom}. */
public sealed interface Rename {
    record OfTable(String from, String to) implements Rename {
    }

    record OfColumn(String table, String from, String to) implements Rename {
    }
}

package io.diffgen.model;

/** A rename the model declares with {@code @RenamedFrom}: of a table, a column, or an enum label. */
public sealed interface Rename {
    /** One method per kind of rename, so a new kind does not compile until each visitor handles it. */
    interface Visitor<R> {
        R table(OfTable t);
        R column(OfColumn c);
        R enumValue(OfEnumValue v);
    }

    <R> R accept(Visitor<R> visitor);

    record OfTable(String from, String to) implements Rename {
        public <R> R accept(Visitor<R> visitor) { return visitor.table(this); }
    }

    record OfColumn(String table, String from, String to) implements Rename {
        public <R> R accept(Visitor<R> visitor) { return visitor.column(this); }
    }

    /** A label of an enum type, declared on the Java enum constant. */
    record OfEnumValue(String type, String from, String to) implements Rename {
        public <R> R accept(Visitor<R> visitor) { return visitor.enumValue(this); }
    }
}

package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * An index. Keys are column names or expressions as {@code pg_get_indexdef} prints them, each with
 * its order and, where they are not the default, its collation, operator class and nulls order;
 * {@code include} lists the non-key columns of {@code INCLUDE (...)}; {@code where} is the
 * partial-index predicate; {@code storage} its storage parameters as {@code pg_class.reloptions} spells
 * them ({@code fillfactor=70}).
 */
public record Index(String name, List<Key> keys, boolean unique, Optional<String> where, String method, List<String> include,
                    List<String> storage) {

    public Index {
        keys = List.copyOf(keys);
        include = List.copyOf(include);
        storage = List.copyOf(storage);
    }

    public Index(String name, List<Key> keys, boolean unique, Optional<String> where, String method) {
        this(name, keys, unique, where, method, List.of(), List.of());
    }

    /** One key. {@code nullsFirst} is PostgreSQL's default unless given: first for DESC, last for ASC. */
    public record Key(String expression, boolean descending, boolean nullsFirst, Optional<String> collation, Optional<String> opclass) {

        public Key(String expression, boolean descending) {
            this(expression, descending, descending, Optional.empty(), Optional.empty());
        }

        public Key withExpression(String newExpression) {
            return new Key(newExpression, descending, nullsFirst, collation, opclass);
        }

        /** The key as CREATE INDEX takes it: {@code expr [COLLATE c] [opclass] [DESC] [NULLS FIRST|LAST]}. */
        public String sql() {
            StringBuilder s = new StringBuilder(expression);
            collation.ifPresent(c -> s.append(" COLLATE ").append(c));
            opclass.ifPresent(o -> s.append(' ').append(o));
            if (descending) s.append(" DESC");
            if (nullsFirst != descending) s.append(nullsFirst ? " NULLS FIRST" : " NULLS LAST");
            return s.toString();
        }
    }

    /** The same index but for its name and storage parameters (which are renamed and set in place). */
    public boolean sameShape(Index other) {
        return keys.equals(other.keys) && unique == other.unique && where.equals(other.where) && method.equals(other.method)
                && include.equals(other.include);
    }

    public Index withName(String newName) {
        return new Index(newName, keys, unique, where, method, include, storage);
    }

    public Index withStorage(List<String> parameters) {
        return new Index(name, keys, unique, where, method, include, parameters);
    }
}

package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

/**
 * An index. Keys are column names or expressions as {@code pg_get_indexdef} prints them, each with
 * its order; {@code where} is the partial-index predicate.
 */
public record Index(String name, List<Key> keys, boolean unique, Optional<String> where, String method) {

    public Index {
        keys = List.copyOf(keys);
    }

    public record Key(String expression, boolean descending) {
    }

    public boolean sameShape(Index other) {
        return keys.equals(other.keys) && unique == other.unique && where.equals(other.where) && method.equals(other.method);
    }

    public Index withName(String newName) {
        return new Index(newName, keys, unique, where, method);
    }
}

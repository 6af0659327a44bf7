package io.diffgen.snapshot;

import java.util.List;
import java.util.Optional;

public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    /** The unique index such a constraint has, under the constraint's name. */
    public Index asIndex() {
        return new Index(name, columns.stream().map(c -> new Index.Key(Identifiers.quote(c), false)).toList(), true, Optional.empty(), "btree");
    }
}

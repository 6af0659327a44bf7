package io.diffgen.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A revision as its script's header describes it. A merge has several parents; a base has none. */
public record Revision(String id, List<String> parents, String message, String createDate, Optional<Path> path) {
    public Revision {
        parents = List.copyOf(parents);
    }

    public static Revision of(String id, String... parents) {
        return new Revision(id, List.of(parents), "", "", Optional.empty());
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** What running it is called, as Alembic says it: {@code Running upgrade a -> b, message} (or downgrade b -> a). */
    public String running(boolean upgrade) {
        String from = String.join(", ", parents);
        return "Running " + (upgrade ? "upgrade " + from + " -> " + id : "downgrade " + id + " -> " + from) + ", " + message;
    }

    /** Where the revision comes from, for error messages. */
    public String location() {
        return path.map(p -> p.getFileName().toString()).orElse(id);
    }
}

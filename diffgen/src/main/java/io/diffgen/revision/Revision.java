package io.diffgen.revision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A revision as its script's header describes it. A merge has several parents; a base has none. The
 * two halves of an expand/contract pair say their {@link Phase}: the contract's parent is its expand.
 */
public record Revision(String id, List<String> parents, String message, String createDate, Optional<Path> path, Phase phase) {
    public Revision {
        parents = List.copyOf(parents);
    }

    public Revision(String id, List<String> parents, String message, String createDate, Optional<Path> path) {
        this(id, parents, message, createDate, path, Phase.NONE);
    }

    /**
     * When a revision may run in a rolling deploy: {@code EXPAND} (and a plain revision) before the new
     * version of the application starts, while the old one still runs; {@code CONTRACT} only once no
     * instance of the old version is left ({@code diffgen contract}).
     */
    public enum Phase {
        NONE, EXPAND, CONTRACT;

        /** As the header's {@code -- Phase:} line writes it. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isContract() {
        return phase == Phase.CONTRACT;
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

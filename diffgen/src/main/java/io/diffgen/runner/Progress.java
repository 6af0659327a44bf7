package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.RevisionGraph;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a database stands: the changesets recorded as run, and from them the revisions wholly
 * applied and those only partly applied (a main changeset ran, a later non-transactional one did not).
 */
record Progress(Set<String> ranChangeSets, Set<String> applied, Set<String> partial) {
    Progress {
        ranChangeSets = Set.copyOf(ranChangeSets);
        applied = Set.copyOf(applied);
        partial = Set.copyOf(partial);
    }

    /** Applied wholly or partly: what {@code current} is made of. */
    Set<String> started() {
        Set<String> all = new LinkedHashSet<>(applied);
        all.addAll(partial);
        return all;
    }

    /** From the changeset ids a tracking table holds (revision ids are the main changesets' ids). */
    static Progress of(Collection<String> ranChangeSets, RevisionGraph graph, String versionsFolder) {
        Set<String> applied = new LinkedHashSet<>();
        Set<String> partial = new LinkedHashSet<>();
        for (String id : ranChangeSets) {
            if (id.contains(".")) {
                continue; // a later changeset of a revision, e.g. "<rev>.concurrently"
            }
            if (!graph.contains(id)) {
                throw new DiffgenException(ErrorCode.REVISION, "the database is at revision " + id
                        + ", which is not in " + versionsFolder + " (a revision file is missing?): restore the file, or record where "
                        + "the database really is with 'stamp --purge REVISION'");
            }
            (ranChangeSets.containsAll(ChangeSetParser.ids(graph.get(id))) ? applied : partial).add(id);
        }
        return new Progress(Set.copyOf(ranChangeSets), applied, partial);
    }

    /**
     * Where a database at {@code revisions} stands, for a script that cannot ask it ({@code --sql}):
     * those revisions and their ancestors wholly applied.
     */
    static Progress assumedAt(List<String> revisions, RevisionGraph graph) {
        Set<String> applied = graph.ancestorsInclusive(revisions);
        Set<String> ran = new LinkedHashSet<>();
        for (String id : applied) {
            ran.addAll(ChangeSetParser.ids(graph.get(id)));
        }
        return new Progress(ran, applied, Set.of());
    }
}

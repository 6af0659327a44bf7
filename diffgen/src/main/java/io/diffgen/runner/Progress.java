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
 * {@code unknown}: revisions the database applied that the migrations folder does not have, in the
 * order they ran; {@code gone}: later changesets ({@code <rev>.3}) that ran but that their revision's
 * file no longer has.
 */
record Progress(Set<String> ranChangeSets, Set<String> applied, Set<String> partial, List<String> unknown, List<String> gone) {
    Progress {
        ranChangeSets = Set.copyOf(ranChangeSets);
        applied = Set.copyOf(applied);
        partial = Set.copyOf(partial);
        unknown = List.copyOf(unknown);
        gone = List.copyOf(gone);
    }

    /** Applied wholly or partly: what {@code current} is made of. */
    Set<String> started() {
        Set<String> all = new LinkedHashSet<>(applied);
        all.addAll(partial);
        return all;
    }

    /**
     * A database a newer version migrated: it applied every revision of the folder, and then
     * revisions the folder does not have yet (a rolling deploy, an application rolled back).
     */
    boolean ahead(RevisionGraph graph) {
        return !unknown.isEmpty() && graph.topological().stream().allMatch(r -> applied.contains(r.id()));
    }

    /** This progress, if the database applied no revision the folder lacks or is {@link #ahead} of it; refused otherwise. */
    Progress knownOrAhead(RevisionGraph graph, String versionsFolder) {
        return ahead(graph) ? this : known(graph, versionsFolder);
    }

    /** This progress, if the database applied no revision the folder lacks; refused otherwise, naming them. */
    Progress known(RevisionGraph graph, String versionsFolder) {
        if (unknown.isEmpty()) return this;
        String newest = unknown.get(unknown.size() - 1);
        String others = unknown.size() == 1 ? "" : " (and before it " + String.join(", ", unknown.subList(0, unknown.size() - 1)) + ")";
        if (ahead(graph)) {
            throw new DiffgenException(ErrorCode.REVISION, "the database is at revision " + newest + others + ", newer than every revision in "
                    + versionsFolder + ": a newer version of the migrations ran on it (use those), or the file is gone (restore it, or "
                    + "record where the database really is with 'stamp --purge REVISION')");
        }
        throw new DiffgenException(ErrorCode.REVISION, "the database has applied revision " + newest + others + ", which is not in "
                + versionsFolder + " (a revision file is missing?): restore the file, or record where "
                + "the database really is with 'stamp --purge REVISION'");
    }

    /**
     * Refuses a database that ran a changeset its revision's file no longer has (a later changeset,
     * {@code <rev>.3}, deleted from an applied revision): validate would call the revision unedited,
     * and a downgrade would leave that row behind, so that the changeset, restored, is skipped for good.
     */
    void refuseChangeSetsGoneFromTheirFiles(RevisionGraph graph) {
        if (gone.isEmpty()) return;
        String id = gone.get(0);
        throw new DiffgenException(ErrorCode.REVISION, "changeset " + id + " ran on this database but is no longer in "
                + graph.get(id.substring(0, id.indexOf('.'))).location() + ": a revision is not edited after it ran; restore the changeset "
                + "(to undo what it did, write a new revision)");
    }

    /** From the changeset ids a tracking table holds, in the order they ran (revision ids are the main changesets' ids). */
    static Progress of(Collection<String> ranChangeSets, RevisionGraph graph) {
        Set<String> applied = new LinkedHashSet<>();
        Set<String> partial = new LinkedHashSet<>();
        List<String> unknown = new java.util.ArrayList<>();
        List<String> gone = new java.util.ArrayList<>();
        java.util.Map<String, List<String>> idsOf = new java.util.HashMap<>(); // each revision's file read once
        for (String id : ranChangeSets) {
            int dot = id.indexOf('.');
            if (dot >= 0) { // a later changeset of a revision, e.g. "<rev>.2"
                String revision = id.substring(0, dot);
                if (graph.contains(revision) && !idsOf.computeIfAbsent(revision, r -> ChangeSetParser.ids(graph.get(r))).contains(id)) {
                    gone.add(id);
                }
                continue;
            }
            if (!graph.contains(id)) {
                unknown.add(id);
                continue;
            }
            (ranChangeSets.containsAll(idsOf.computeIfAbsent(id, r -> ChangeSetParser.ids(graph.get(r)))) ? applied : partial).add(id);
        }
        return new Progress(Set.copyOf(ranChangeSets), applied, partial, unknown, gone);
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
        return new Progress(ran, applied, Set.of(), List.of(), List.of());
    }
}

package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that no revision the database applied was edited since: each changeset against Liquibase's
 * checksum, and its rollback against the one diffgen recorded beside it (rows that stock Liquibase
 * wrote have none, and their rollbacks go unchecked, as Liquibase leaves them).
 */
final class ChecksumVerifier {
    private ChecksumVerifier() {
    }

    /** A revision edited after it was applied is refused, naming the file and the changeset; {@code rows}: the tracking table's. */
    static void verify(java.util.List<TrackingTable.Row> rows, RevisionGraph graph, ChangeSetParser parser, Set<String> applied) {
        Map<String, TrackingTable.Row> ran = new HashMap<>();
        for (TrackingTable.Row r : rows) {
            ran.put(r.id(), r);
        }
        for (String id : applied) {
            Revision revision = graph.get(id);
            for (ChangeSet cs : parser.changeSets(revision)) {
                TrackingTable.Row r = ran.get(cs.getId());
                if (r == null) continue;
                if (r.checksum() != null && !cs.isCheckSumValid(CheckSum.parse(r.checksum()))) {
                    throw edited(revision, cs, "checksum " + r.checksum() + " no longer matches");
                }
                if (r.rollbackChecksum().filter(stored -> !stored.equals(TrackingTable.rollbackChecksum(cs))).isPresent()) {
                    throw edited(revision, cs, "its rollback changed");
                }
            }
        }
    }

    private static DiffgenException edited(Revision revision, ChangeSet cs, String how) {
        return new DiffgenException(ErrorCode.REVISION, "revision " + revision.id() + " (" + revision.location()
                + ") was edited after it was applied to this database (changeset " + cs.getId() + ": " + how
                + "); restore the file, or write a new revision for the change");
    }
}

package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.revision.RevisionScript;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.exception.LiquibaseException;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Checks that no revision the database applied was edited since: Liquibase's checksums, per changeset. */
final class ChecksumVerifier {
    private ChecksumVerifier() {
    }

    /** A revision edited after it was applied is refused, naming the file. */
    static void verify(LiquibaseSession liquibase, RevisionGraph graph, ChangeSetParser parser, Set<String> applied) {
        try {
            Map<String, RanChangeSet> ran = new HashMap<>();
            for (RanChangeSet r : liquibase.history().getRanChangeSets()) {
                if (RevisionScript.AUTHOR.equals(r.getAuthor())) ran.put(r.getId(), r);
            }
            for (String id : applied) {
                Revision revision = graph.get(id);
                for (ChangeSet cs : parser.changeSets(revision)) {
                    RanChangeSet r = ran.get(cs.getId());
                    CheckSum stored = r == null ? null : r.getLastCheckSum();
                    if (stored != null && !cs.isCheckSumValid(stored)) {
                        throw new DiffgenException(ErrorCode.REVISION, "revision " + id + " (" + revision.location()
                                + ") was edited after it was applied to this database (checksum " + stored
                                + " no longer matches); restore the file, or write a new revision for the change");
                    }
                }
            }
        } catch (LiquibaseException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }
}

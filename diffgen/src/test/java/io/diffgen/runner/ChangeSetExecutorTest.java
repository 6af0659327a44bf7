package io.diffgen.runner;

import io.diffgen.revision.Revision;
import io.diffgen.testkit.PostgresServer;
import io.diffgen.testkit.TestDatabase;
import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.statement.SqlStatement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A changeset is all or nothing on a real PostgreSQL, whatever kind of exception stops it half-way. */
@Tag("postgres")
class ChangeSetExecutorTest {

    /** A change whose statements cannot be generated: Liquibase reports such faults unchecked. */
    private static final class Unrenderable extends RawSQLChange {
        Unrenderable() {
            super("SELECT 1");
        }

        @Override
        public SqlStatement[] generateStatements(Database database) {
            throw new IllegalStateException("cannot render this change");
        }
    }

    @Test
    void anUncheckedFailureAfterAStatementRollsTheChangesetBack() throws Exception {
        TestDatabase db = PostgresServer.createDatabase("unchecked_failure");
        try (Connection c = db.connect()) {
            ChangeSet cs = new ChangeSet("r1", "diffgen", false, false, "migrations/versions/r1.sql", null, null, null);
            cs.addChange(new RawSQLChange("CREATE TABLE half_done (id int)"));
            cs.addChange(new Unrenderable());
            Revision revision = new Revision("r1", List.of(), "half done", "", Optional.empty());
            LiquibaseSession liquibase = new LiquibaseSession(c);
            liquibase.initHistory();
            ChangeSetExecutor executor = new ChangeSetExecutor(c, liquibase, RevisionRunner.Limits.DEFAULTS, () -> "base");

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.run(revision, cs, true));
            assertEquals("cannot render this change", e.getMessage());

            try (ResultSet rs = c.createStatement().executeQuery("SELECT to_regclass('half_done') IS NOT NULL")) {
                rs.next();
                assertFalse(rs.getBoolean(1), "the changeset's first statement was committed");
            }
            assertEquals(List.of(), TrackingTable.rows(c), "the tracking row, written first, was rolled back with it");
        }
    }
}

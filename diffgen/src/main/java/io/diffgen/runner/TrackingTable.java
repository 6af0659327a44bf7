package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.RevisionScript;
import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;
import liquibase.util.LiquibaseUtil;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.diffgen.snapshot.Identifiers.literal;

/**
 * Liquibase's DATABASECHANGELOG as diffgen uses it: which of diffgen's changesets a database has run,
 * read with plain JDBC; the rows Liquibase's history service would write, as SQL that the online run
 * executes and the offline scripts print; and forgetting every diffgen row for {@code stamp --purge}.
 * A row's description, {@code sql} in Liquibase's own rows, adds a checksum of the changeset's rollback,
 * which Liquibase's checksum leaves out, so that a rollback edited after it ran is seen.
 */
public final class TrackingTable {
    /** Liquibase 4.31's own DDL for its tracking table, so stock Liquibase accepts the table. */
    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS databasechangelog (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, \
            filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP WITHOUT TIME ZONE NOT NULL, orderexecuted INTEGER NOT NULL, \
            exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255), tag VARCHAR(255), \
            liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255), deployment_id VARCHAR(10));""";

    private TrackingTable() {
    }

    /** One of diffgen's rows: a changeset that ran, when, Liquibase's checksum of it, and the description (with diffgen's rollback checksum). */
    record Row(String id, java.time.Instant executed, String checksum, String description) {
        /** The checksum of the rollback this changeset had when it ran; empty for a row that stock Liquibase wrote. */
        java.util.Optional<String> rollbackChecksum() {
            return description != null && description.startsWith(ROLLBACK_MARK)
                    ? java.util.Optional.of(description.substring(ROLLBACK_MARK.length())) : java.util.Optional.empty();
        }
    }

    private static final String ROLLBACK_MARK = "sql; rollback ";

    /** diffgen's rows, in the order they ran (none without a table). */
    static List<Row> rows(Connection connection) {
        try {
            List<Row> rows = new java.util.ArrayList<>();
            if (!exists(connection)) {
                return rows;
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, dateexecuted, md5sum, description FROM databasechangelog WHERE author = ? ORDER BY orderexecuted")) {
                ps.setString(1, RevisionScript.AUTHOR);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Timestamp at = rs.getTimestamp(2);
                        rows.add(new Row(rs.getString(1), at == null ? null : at.toInstant(), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read DATABASECHANGELOG: " + e.getMessage(), e);
        }
    }

    /** Ids of diffgen's changesets recorded in the table, in the order they ran (none without a table). */
    static Set<String> ranChangeSetIds(Connection connection) {
        return ids(rows(connection));
    }

    static Set<String> ids(List<Row> rows) {
        Set<String> ids = new LinkedHashSet<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }

    /**
     * Makes the schema that holds DATABASECHANGELOG (the one {@code current} reads) the one this
     * session creates and reads objects in, when another schema comes first on the search_path (a
     * schema named after the user, created later): otherwise an upgrade would start a second,
     * empty history there and apply every revision again. Closing the result restores the path.
     */
    public static SearchPath pinSchema(Connection connection) throws SQLException {
        String tracking;
        String current;
        String path;
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.oid = to_regclass('databasechangelog')), current_schema(), current_setting('search_path')""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            tracking = rs.getString(1);
            current = rs.getString(2);
            path = rs.getString(3);
        }
        if (tracking == null || tracking.equals(current)) {
            return () -> { };
        }
        try (var s = connection.createStatement()) {
            s.execute("SELECT set_config('search_path', " + io.diffgen.snapshot.Identifiers.literal(
                    io.diffgen.snapshot.Identifiers.quote(tracking) + ", " + path) + ", false)");
        }
        return () -> {
            if (!connection.isClosed()) {
                try (var s = connection.createStatement()) {
                    s.execute("SELECT set_config('search_path', " + io.diffgen.snapshot.Identifiers.literal(path) + ", false)");
                }
            }
        };
    }

    /** The session's search_path as it was, given back on close. */
    public interface SearchPath extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass('databasechangelog') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The row Liquibase's history service writes for a changeset it ran, as an INSERT; none if the
     * row is there already (a script run again after a killed psql).
     */
    static String insert(ChangeSet cs, String deploymentId) {
        String checksum = cs.generateCheckSum(ChecksumVersion.latest()).toString();
        return "INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description, "
                + "comments, tag, liquibase, contexts, labels, deployment_id) SELECT " + literal(cs.getId()) + ", "
                + literal(cs.getAuthor()) + ", " + literal(cs.getFilePath()) + ", NOW(), "
                + "(SELECT COALESCE(MAX(orderexecuted), 0) + 1 FROM databasechangelog), 'EXECUTED', " + literal(checksum) + ", "
                + literal(ROLLBACK_MARK + rollbackChecksum(cs)) + ", "
                + literal(comments(cs)) + ", NULL, " + literal(Liquibase.VERSION)
                + ", NULL, NULL, " + literal(deploymentId) + " WHERE NOT EXISTS (SELECT 1 FROM databasechangelog WHERE " + same(cs) + ");";
    }

    private static String same(ChangeSet cs) {
        return "id = " + literal(cs.getId()) + " AND author = " + literal(cs.getAuthor()) + " AND filename = " + literal(cs.getFilePath());
    }

    /** Liquibase's checksum of the changeset's rollback statements, each change's normalized as Liquibase normalizes SQL. */
    static String rollbackChecksum(ChangeSet cs) {
        StringBuilder all = new StringBuilder();
        for (liquibase.change.Change change : cs.getRollback().getChanges()) {
            all.append(change.generateCheckSum()).append(':');
        }
        return liquibase.change.CheckSum.compute(all.toString()).toString();
    }

    /** The comments column as Liquibase's history service fills it: trimmed, and cut to its 250 characters. */
    static String comments(ChangeSet cs) {
        return liquibase.util.StringUtil.limitSize(liquibase.util.StringUtil.trimToEmpty(cs.getComments()), 250);
    }

    /** A changeset's row removed, as a DELETE. */
    static String delete(ChangeSet cs) {
        return "DELETE FROM databasechangelog WHERE " + same(cs) + ";";
    }

    /** One run's deployment id, as Liquibase writes it: up to ten digits. */
    static String newDeploymentId() {
        return Long.toString(Math.abs(new SecureRandom().nextLong()) % 10_000_000_000L);
    }

    /** Every diffgen row of the tracking table deleted, for {@code stamp --purge}; other authors' rows stay. */
    static final String FORGET_ALL = "DELETE FROM databasechangelog WHERE author = " + io.diffgen.snapshot.Identifiers.literal(RevisionScript.AUTHOR);

    static void forgetAll(Connection connection) throws SQLException {
        try (var delete = connection.createStatement()) {
            delete.executeUpdate(FORGET_ALL);
        }
    }

    /** The version Liquibase records in the rows it writes; asked for only by the offline scripts, so current and status do not start Liquibase. */
    private static final class Liquibase {
        static final String VERSION = LiquibaseUtil.getBuildVersion();
    }
}

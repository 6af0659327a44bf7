package io.diffgen.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A session-level PostgreSQL advisory lock that serialises diffgen runs against one database. It
 * lives exactly as long as the connection, so a killed process never leaves a stale lock behind.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "diffgen" as a 64-bit key; any constant works as long as every run uses the same. */
    static final long KEY = 0x6469_6666_6765_6eL;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits for the lock. */
    public static AdvisoryLock acquire(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + KEY + ")");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return new AdvisoryLock(connection);
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}

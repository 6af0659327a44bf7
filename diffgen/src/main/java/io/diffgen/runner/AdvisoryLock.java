package io.diffgen.runner;

import io.diffgen.DiffgenException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A session-level PostgreSQL advisory lock that serialises diffgen runs against one database. It
 * lives exactly as long as the connection, so a killed process never leaves a stale lock behind.
 */
public final class AdvisoryLock implements AutoCloseable {
    /** "diffgen" as a 64-bit key; any constant works as long as every run uses the same. */
    public static final long KEY = 0x6469_6666_6765_6eL;

    private final Connection connection;

    private AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Takes the lock, waiting for another run that holds it at most {@code maxWait}: {@code waiting}
     * is told once who holds it, and past the wait the error names the holder.
     */
    public static AdvisoryLock acquire(Connection connection, Duration maxWait, Consumer<String> waiting) throws SQLException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean told = false;
        while (!tryLock(connection)) {
            if (System.nanoTime() >= deadline) {
                throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "another diffgen run holds this database's migration lock ("
                        + holder(connection) + "); gave up after waiting " + maxWait.toSeconds() + " s (--lock-wait SECONDS)");
            }
            if (!told) {
                waiting.accept("Waiting for another diffgen run to finish (" + holder(connection) + "), at most "
                        + maxWait.toSeconds() + " s");
                told = true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "interrupted while waiting for the migration lock", e);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        return new AdvisoryLock(connection);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Who holds the lock, as pg_locks and pg_stat_activity tell: a bigint key is classid (high half) and
     * objid (low half). For a role that may not see another role's sessions PostgreSQL hides all but
     * the pid (and a user name), so what is hidden is left out.
     */
    private static String holder(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1""")) {
            ps.setLong(1, KEY >>> 32);
            ps.setLong(2, KEY & 0xffff_ffffL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "a session that has just let go";
                }
                java.sql.Timestamp since = rs.getTimestamp(4);
                if (since == null) {
                    return "pid " + rs.getInt(1) + " (another role's session, whose details this role may not see)";
                }
                return "pid " + rs.getInt(1) + ", " + (rs.getString(2) == null || rs.getString(2).isEmpty() ? "no application name"
                        : "application " + rs.getString(2)) + (rs.getString(3) == null ? "" : ", from " + rs.getString(3))
                        + ", connected since " + since.toInstant() + ", " + rs.getString(5);
            }
        }
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

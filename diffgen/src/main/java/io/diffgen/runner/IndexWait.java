package io.diffgen.runner;

import io.diffgen.snapshot.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CONCURRENTLY index build or drop waits for the transactions older than it to end: a drop for
 * those that lock its table, a build also for every open snapshot, even one that reads other tables
 * and blocks no one. That wait, not a lock queue, is bounded by {@code --index-wait} instead of
 * lock_timeout; the transactions it waits for are named before it starts and when it gives up.
 */
final class IndexWait {
    /** A transaction older than the statement, as pg_stat_activity and pg_locks show it. */
    record Older(int pid, String application, String user, String state, long seconds, boolean locksTable) {
        String describe(String table, boolean build) {
            return "pid " + pid + " (" + (application.isEmpty() ? "no application name" : application) + ", user " + user + ", "
                    + state + ", in a transaction for " + seconds + " s, " + (locksTable ? "holding a lock on " + table
                    : build ? "an old snapshot: it blocks no one, but the build must outlast it" : "not on the table") + ")";
        }
    }

    /** The statement about to run: when it started, what it works on, and the lock_timeout it replaced. */
    record Started(Timestamp at, String table, boolean build, String lockTimeout) {
    }

    private IndexWait() {
    }

    /**
     * Before a CONCURRENTLY statement: names the transactions older than a second it will wait for,
     * and gives the statement {@code indexWait} as its lock_timeout.
     */
    static Started begin(Connection connection, String sql, RevisionRunner.Limits limits) throws SQLException {
        Optional<String> table = ConcurrentIndexes.tableOf(connection, sql);
        boolean build = ConcurrentIndexes.isBuild(sql);
        Started started;
        try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT clock_timestamp(), current_setting('lock_timeout')")) {
            rs.next();
            started = new Started(rs.getTimestamp(1), table.orElse("its table"), build, rs.getString(2));
        }
        Timestamp now = started.at();
        List<Older> waitedFor = olderThan(connection, started, new Timestamp(now.getTime() - 1000));
        if (!waitedFor.isEmpty()) {
            limits.waiting().accept(Failures.oneLine(sql, 120) + " waits (up to --index-wait " + limits.indexWait() + ") for "
                    + waitedFor.size() + " older transaction(s) to end: " + describe(waitedFor, started));
        }
        set(connection, limits.indexWait());
        return started;
    }

    /** The lock_timeout from before the statement back. */
    static void end(Connection connection, Started started) throws SQLException {
        set(connection, started.lockTimeout());
    }

    /** Why a CONCURRENTLY statement that hit {@code --index-wait} gave up: the transactions still older than it. */
    static String gaveUp(Connection connection, Started started, RevisionRunner.Limits limits) {
        try {
            List<Older> still = olderThan(connection, started, started.at());
            return "it waited longer than --index-wait (" + limits.indexWait() + ") for older transactions to end"
                    + (still.isEmpty() ? " (none is left now, or they belong to roles whose sessions this role may not see)"
                            : ": " + describe(still, started));
        } catch (SQLException e) {
            return "it waited longer than --index-wait (" + limits.indexWait() + ") for older transactions to end";
        }
    }

    private static String describe(List<Older> older, Started started) {
        List<String> each = new ArrayList<>();
        older.stream().limit(5).forEach(o -> each.add(o.describe(started.table(), started.build())));
        return String.join("; ", each) + (older.size() > 5 ? "; and " + (older.size() - 5) + " more" : "");
    }

    /** Transactions begun before {@code before} that the statement waits for (a drop: only those locking its table). */
    private static List<Older> olderThan(Connection connection, Started started, Timestamp before) throws SQLException {
        List<Older> older = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename, '?'), coalesce(a.state, '?'),
                       floor(extract(epoch FROM clock_timestamp() - a.xact_start))::bigint,
                       EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.relation = to_regclass(?))
                FROM pg_stat_activity a
                WHERE a.pid <> pg_backend_pid() AND a.datname = current_database() AND a.xact_start < ?
                ORDER BY a.xact_start""")) {
            ps.setString(1, started.table());
            ps.setTimestamp(2, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Older o = new Older(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getBoolean(6));
                    if (started.build() || o.locksTable()) older.add(o);
                }
            }
        }
        return older;
    }

    private static void set(Connection connection, String lockTimeout) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute("SET lock_timeout = " + Identifiers.literal(lockTimeout));
        }
    }
}

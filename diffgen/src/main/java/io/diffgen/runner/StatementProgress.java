package io.diffgen.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * While a long statement runs (an index built or dropped CONCURRENTLY, a constraint validated), what
 * PostgreSQL says of it, told at a steady interval from a second connection: for an index, the phase
 * of {@code pg_stat_progress_create_index} with the blocks or tuples done as a percentage and the
 * session it waits for; for anything else, how long it has run.
 */
final class StatementProgress implements AutoCloseable {
    /** Where progress goes, how often, and the connection to read it on; {@code NONE} tells nothing. */
    record Watch(Consumer<String> out, Duration every, RevisionRunner.ConnectionSource source) {
        static final Watch NONE = new Watch(line -> { }, Duration.ZERO, null);
    }

    private final Thread thread;

    private StatementProgress(Thread thread) {
        this.thread = thread;
    }

    /** Starts telling the progress of the statement the session {@code pid} runs, as {@code label}. */
    static StatementProgress of(Watch watch, int pid, String label) {
        if (watch.source() == null || watch.every().isZero()) return new StatementProgress(null);
        long started = System.nanoTime();
        Thread thread = new Thread(() -> {
            Connection c = null;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(watch.every().toMillis()); // a statement done by then needs no second connection
                    if (c == null) c = watch.source().open();
                    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
                    try (PreparedStatement ps = c.prepareStatement("""
                            SELECT phase, blocks_done, blocks_total, tuples_done, tuples_total, lockers_done, lockers_total, current_locker_pid
                            FROM pg_stat_progress_create_index WHERE pid = ?""")) {
                        ps.setInt(1, pid);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!Thread.currentThread().isInterrupted()) {
                                watch.out().accept("  " + label + ": " + (rs.next() ? index(rs) + ", " : "") + seconds + " s");
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // progress is a courtesy: the statement itself goes on, and says what went wrong
            } finally {
                closeQuietly(c);
            }
        }, "diffgen-progress");
        thread.setDaemon(true);
        thread.start();
        return new StatementProgress(thread);
    }

    /** {@code building index: scanning table, 45% (1234 of 2740 blocks)}, or whom a waiting phase waits for. */
    private static String index(ResultSet rs) throws SQLException {
        String phase = rs.getString(1);
        long blocksDone = rs.getLong(2), blocksTotal = rs.getLong(3), tuplesDone = rs.getLong(4), tuplesTotal = rs.getLong(5);
        if (phase.startsWith("waiting")) {
            long locker = rs.getLong(8);
            return phase + (locker > 0 ? ": pid " + locker : "") + " (" + rs.getLong(6) + " of " + rs.getLong(7) + " sessions done)";
        }
        if (blocksTotal > 0) return phase + ", " + percent(blocksDone, blocksTotal) + " (" + blocksDone + " of " + blocksTotal + " blocks)";
        if (tuplesTotal > 0) return phase + ", " + percent(tuplesDone, tuplesTotal) + " (" + tuplesDone + " of " + tuplesTotal + " rows)";
        return phase;
    }

    private static String percent(long done, long total) {
        return Math.min(100, done * 100 / total) + "%";
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) c.close();
        } catch (SQLException ignored) {
            // the statement's own connection is the one that matters
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1000); // no line of it after the statement's end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

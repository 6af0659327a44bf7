package io.diffgen.runner;

import liquibase.exception.DatabaseException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The batched backfill of an expand/contract move: one {@code DO} block that commits each batch and
 * raises a NOTICE with the rows done, run on the migration's own connection (outside a transaction) so
 * that each NOTICE is told as it arrives, at most once per progress interval, and the last one always.
 */
final class Backfills {
    private static final Pattern BACKFILL = Pattern.compile("(?s).*\\bDO \\$diffgen\\$.*RAISE NOTICE 'backfill .*");

    private Backfills() {
    }

    static boolean isBackfill(String sql) {
        return BACKFILL.matcher(sql).matches();
    }

    /** Runs it; a failure comes back as Liquibase's, so the executor says it as it says any statement's. */
    static void run(Connection connection, String sql, StatementProgress.Watch watch) throws DatabaseException {
        try (Statement statement = connection.createStatement()) {
            AtomicBoolean done = new AtomicBoolean();
            String[] last = {null};
            String[] told = {null};
            Thread teller = new Thread(() -> {
                long toldAt = 0;
                SQLWarning seen = null;
                while (!done.get()) {
                    try {
                        Thread.sleep(100);
                        SQLWarning next = seen == null ? statement.getWarnings() : seen.getNextWarning();
                        while (next != null) {
                            seen = next;
                            last[0] = next.getMessage();
                            next = next.getNextWarning();
                        }
                        long now = System.nanoTime();
                        if (last[0] != null && now - toldAt >= watch.every().toNanos() && !watch.every().isZero()) {
                            watch.out().accept("  " + last[0]);
                            told[0] = last[0];
                            last[0] = null;
                            toldAt = now;
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (SQLException | RuntimeException e) {
                        return; // progress is a courtesy: the statement says what went wrong
                    }
                }
            }, "diffgen-backfill-progress");
            teller.setDaemon(true);
            teller.start();
            try {
                statement.execute(sql);
            } finally {
                done.set(true);
                teller.join();
            }
            SQLWarning all = statement.getWarnings();
            String finalNotice = null;
            for (SQLWarning w = all; w != null; w = w.getNextWarning()) finalNotice = w.getMessage();
            if (finalNotice != null && !finalNotice.equals(told[0]) && !watch.every().isZero()) watch.out().accept("  " + finalNotice);
        } catch (SQLException e) {
            throw new DatabaseException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseException("interrupted while backfilling", e);
        }
    }
}

package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.Revision;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.LiquibaseException;
import liquibase.sql.visitor.AbstractSqlVisitor;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs one changeset of a plan: its statements and its tracking row in one transaction where
 * PostgreSQL allows, run again after a lock_timeout as often as the limits allow, the {@link InvalidIndexes}
 * a failed CONCURRENTLY build left dropped first, a CONCURRENTLY statement a killed run already got
 * done skipped ({@link ConcurrentIndexes}), the command line's timeouts in place of the script's;
 * a failure says what happened and where the database stands ({@code whereNow}). A stamp plan's
 * changesets are recorded or forgotten instead, without running anything.
 */
final class ChangeSetExecutor {
    private final Connection connection;
    private final LiquibaseSession liquibase;
    private final RevisionRunner.Limits limits;
    private final Supplier<String> whereNow;
    private final String deploymentId = TrackingTable.newDeploymentId();
    private StatementProgress.Watch watch = StatementProgress.Watch.NONE;
    private int pid;
    private static final java.util.regex.Pattern VALIDATE = java.util.regex.Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s.*\\sVALIDATE\\s+CONSTRAINT\\s.*");

    ChangeSetExecutor watchedBy(StatementProgress.Watch newWatch) {
        this.watch = newWatch;
        return this;
    }

    /** The progress of {@code sql} while it runs, if it is one that can run long (a CONCURRENTLY index, a validation). */
    private StatementProgress progressOf(String sql) throws SQLException {
        if (watch.source() == null || !(ConcurrentIndexes.isConcurrent(sql) || VALIDATE.matcher(sql).matches())) {
            return StatementProgress.of(StatementProgress.Watch.NONE, 0, "");
        }
        if (pid == 0) {
            try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
        }
        return StatementProgress.of(watch, pid, Failures.oneLine(sql, 100));
    }

    ChangeSetExecutor(Connection connection, LiquibaseSession liquibase, RevisionRunner.Limits limits, Supplier<String> whereNow) {
        this.connection = connection;
        this.liquibase = liquibase;
        this.limits = limits;
        this.whereNow = whereNow;
    }

    /** The changeset's statements (its rollback's, to downgrade), then its tracking row written or removed. */
    void run(Revision revision, ChangeSet cs, boolean upgrade) {
        List<Change> changes = upgrade ? cs.getChanges() : cs.getRollback().getChanges();
        if (!cs.isRunInTransaction()) {
            InvalidIndexes.dropLeftBy(connection, changes);
        }
        runChangeSet(revision, cs, changes, upgrade);
    }

    /**
     * A stamp plan: the tracking rows written or removed without running any statement, in one
     * transaction; with {@code purge}, every diffgen row goes first.
     */
    void record(MigrationPlan plan, boolean purge) {
        try {
            liquibase.database().setAutoCommit(false);
            if (purge) {
                TrackingTable.forgetAll(connection);
            }
            for (MigrationPlan.Step step : plan.steps()) {
                for (ChangeSet cs : step.changeSets()) {
                    track(cs, step.action() != MigrationPlan.Action.FORGET);
                }
            }
            liquibase.database().commit();
        } catch (LiquibaseException | SQLException e) {
            liquibase.rollbackQuietly();
            throw new DiffgenException(ErrorCode.DATABASE, "stamp failed: " + Failures.rootMessage(e), e);
        } finally {
            liquibase.endTransaction();
        }
    }

    /** One changeset, run again after a lock_timeout as often as the limits allow. */
    private void runChangeSet(Revision revision, ChangeSet cs, List<Change> changes, boolean upgrade) {
        for (int retry = 1; ; retry++) {
            try {
                runChangeSetOnce(revision, cs, changes, upgrade, retry > limits.lockRetries());
                return;
            } catch (LockTimedOut e) {
                Duration pause = limits.backoff(retry);
                limits.waiting().accept("lock_timeout (" + limits.lockTimeoutOf(changes) + ") in revision " + revision.id()
                        + ": another session holds a lock on the table; nothing of the changeset was applied; retry " + retry
                        + " of " + limits.lockRetries() + " in " + pause.toMillis() + " ms");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DiffgenException(ErrorCode.MIGRATION, "interrupted while waiting to retry revision " + revision.id(), interrupted);
                }
                if (!cs.isRunInTransaction()) {
                    InvalidIndexes.dropLeftBy(connection, changes);
                }
            }
        }
    }

    /** A changeset that failed on lock_timeout, rolled back, with retries left. */
    private static final class LockTimedOut extends RuntimeException {
        LockTimedOut(Throwable cause) {
            super(cause);
        }
    }

    /** The changeset's tracking row written (the same INSERT that {@code --sql} prints) or removed. */
    private void track(ChangeSet cs, boolean ran) throws SQLException {
        try (var s = connection.createStatement()) {
            s.execute(ran ? TrackingTable.insert(cs, deploymentId) : TrackingTable.delete(cs));
        }
    }

    /**
     * One changeset: its statements and its tracking row in one transaction where PostgreSQL allows.
     * There the row goes first, so that no client work happens between the DDL's locks and the commit.
     */
    private void runChangeSetOnce(Revision revision, ChangeSet cs, List<Change> changes, boolean upgrade, boolean lastTry) {
        String statement = null;
        IndexWait.Started waiting = null;
        Database database = liquibase.database();
        try {
            boolean transactional = cs.isRunInTransaction();
            database.setAutoCommit(!transactional);
            // one statement at a time, as Liquibase's executeStatements would: the one that fails is then known
            List<SqlVisitor> visitors = visitors(cs);
            if (transactional) track(cs, upgrade);
            for (Change change : changes) {
                for (SqlStatement one : change.generateStatements(database)) {
                    String sql = one instanceof RawSqlStatement raw ? raw.getSql() : "";
                    statement = Failures.oneLine(sql.isEmpty() ? one.toString() : sql, 300);
                    if (!transactional && ConcurrentIndexes.isConcurrent(sql)) {
                        // a killed run's build or drop that PostgreSQL finished anyway is not run again
                        if (ConcurrentIndexes.alreadyDone(connection, sql)) continue;
                        waiting = IndexWait.begin(connection, sql, limits);
                    }
                    if (!transactional && Backfills.isBackfill(sql)) {
                        Backfills.run(connection, limits.overrides().isEmpty() ? sql : limits.overrides().apply(sql), watch);
                        continue;
                    }
                    try (StatementProgress progress = progressOf(sql)) {
                        database.execute(new SqlStatement[] {one}, visitors);
                    }
                    if (waiting != null) {
                        IndexWait.end(connection, waiting);
                        waiting = null;
                    }
                }
            }
            statement = null;
            if (!transactional) track(cs, upgrade);
            database.commit();
        } catch (SQLException e) {
            liquibase.rollbackQuietly();
            throw new DiffgenException(ErrorCode.DATABASE, (statement == null ? "cannot write the tracking row of changeset " + cs.getId()
                    : "cannot read the catalog before " + statement) + ": " + e.getMessage(), e);
        } catch (LiquibaseException e) {
            liquibase.rollbackQuietly();
            if (waiting != null && Failures.isLockTimeout(e)) {
                throw indexWaitExceeded(revision, changes, upgrade, statement, waiting, e);
            }
            if (!lastTry && Failures.isLockTimeout(e)) {
                throw new LockTimedOut(e);
            }
            String state = upgrade
                    ? (cs.isRunInTransaction() ? "nothing of it was applied; the database is still at " + whereNow.get()
                            : "this changeset ran outside a transaction and may be partly applied")
                    : "it was not rolled back; the database is still at " + whereNow.get();
            if (waiting != null && Failures.isDuplicateRelation(e)) {
                state = "an index or table of that name exists and is not the one this statement builds (another definition, another table, "
                        + "or INVALID): drop or rename it, then run " + (upgrade ? "upgrade" : "downgrade") + " again";
            } else if (Failures.isLockTimeout(e)) {
                state = "another session holds a lock on the table for longer than lock_timeout (" + limits.lockTimeoutOf(changes)
                        + ", --lock-timeout)" + (limits.lockRetries() > 0 ? ", " + limits.lockRetries() + " retries included" : "") + "; " + state;
            }
            throw new DiffgenException(ErrorCode.MIGRATION, (upgrade ? "upgrade" : "downgrade") + " of revision " + revision.id()
                    + " (" + revision.location() + ") failed" + (statement == null ? "" : " at: " + statement) + ": "
                    + Failures.rootMessage(e) + "; " + state, e);
        } finally {
            liquibase.endTransaction();
        }
    }

    /**
     * A CONCURRENTLY statement that waited longer than --index-wait: not retried (the transactions it
     * waited for are still there), the INVALID index a build leaves dropped, and those transactions named.
     */
    private DiffgenException indexWaitExceeded(Revision revision, List<Change> changes, boolean upgrade, String statement,
                                               IndexWait.Started waiting, LiquibaseException e) {
        String why = IndexWait.gaveUp(connection, waiting, limits);
        try {
            IndexWait.end(connection, waiting);
            InvalidIndexes.dropLeftBy(connection, changes);
        } catch (SQLException | DiffgenException ignored) {
            // the next run drops it before it builds again
        }
        String command = upgrade ? "upgrade" : "downgrade";
        return new DiffgenException(ErrorCode.MIGRATION, command + " of revision " + revision.id() + " (" + revision.location()
                + ") stopped at: " + statement + ": " + why + "; nothing of this changeset is left, and the revision is partially "
                + (upgrade ? "applied" : "rolled back") + ": run " + command + " again once they have ended, or with a longer --index-wait", e);
    }

    /** The changeset's own SQL visitors, then the command line's timeouts in place of the script's. */
    private List<SqlVisitor> visitors(ChangeSet cs) {
        List<SqlVisitor> visitors = new ArrayList<>(cs.getSqlVisitors());
        if (!limits.overrides().isEmpty()) {
            visitors.add(new AbstractSqlVisitor() {
                @Override
                public String modifySql(String sql, Database db) {
                    return limits.overrides().apply(sql);
                }

                @Override
                public String getName() {
                    return "diffgenTimeouts";
                }
            });
        }
        return visitors;
    }
}

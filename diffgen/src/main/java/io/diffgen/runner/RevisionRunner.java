package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.snapshot.Identifiers;
import liquibase.changelog.ChangeSet;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The commands on one database: under a PostgreSQL advisory lock (instead of Liquibase's lock table)
 * and the session's timeouts, it reads where the database stands ({@link Progress}), has the
 * {@link ChecksumVerifier} refuse edited revisions, plans ({@link MigrationPlan}), runs each revision's
 * data checks ({@link Preflight}) and hands each changeset to the {@link ChangeSetExecutor}. Liquibase
 * parses the scripts, computes checksums and writes DATABASECHANGELOG exactly as stock Liquibase does.
 */
public final class RevisionRunner {

    /** Told after each revision is applied or rolled back. */
    public record Step(String revision, String message, boolean upgrade) {
    }

    private final Connection connection;
    private final MigrationsDirectory migrations;
    private final RevisionGraph graph;
    private final ChangeSetParser parser;
    /** Liquibase is started only by the commands that run or check scripts, not by current or status. */
    private final LiquibaseSession liquibase;
    /** For error messages when the database can no longer be asked. */
    private String lastCompleted;
    private Limits limits = Limits.DEFAULTS;
    private StatementProgress.Watch watch = StatementProgress.Watch.NONE;

    /** Opens another connection to the same database. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /**
     * Progress told to {@code out}: {@code [3/7] Running upgrade a -> b, message} as each revision
     * starts, and every {@code every}, while an index is built or dropped CONCURRENTLY or a constraint
     * validated, what PostgreSQL says of it, read on a connection {@code source} opens.
     */
    public RevisionRunner withProgress(java.util.function.Consumer<String> out, Duration every, ConnectionSource source) {
        this.watch = new StatementProgress.Watch(out, every, source);
        return this;
    }

    /**
     * How long a run waits: for another run's migration lock ({@code lockWait}); for each statement's
     * table locks ({@code lockTimeout}, PostgreSQL's lock_timeout; "0" waits forever), so a long
     * transaction elsewhere is not joined by a queue of readers behind the migration; for each
     * statement to finish ({@code statementTimeout}, PostgreSQL's statement_timeout; "0", the default,
     * without limit). A changeset that failed on lock_timeout is rolled back and run again up to
     * {@code lockRetries} times, after 0.5 s, 1 s, 2 s, ... (at most 10 s), each retry told to {@code waiting}.
     * A CONCURRENTLY index build or drop waits instead up to {@code indexWait} for the transactions
     * older than it (those that lock its table, and for a build every open snapshot), without retries.
     */
    public record Limits(Duration lockWait, String lockTimeout, String statementTimeout, int lockRetries, Consumer<String> waiting,
                         SettingOverrides overrides, String indexWait) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(60), "10s", "0", 3, System.err::println, SettingOverrides.NONE,
                "10min");

        public Limits withLockTimeout(String value) {
            return new Limits(lockWait, value, statementTimeout, lockRetries, waiting, new SettingOverrides(java.util.Map.of("lock_timeout", value)),
                    indexWait);
        }

        public Limits withWaiting(Consumer<String> value) {
            return new Limits(lockWait, lockTimeout, statementTimeout, lockRetries, value, overrides, indexWait);
        }

        public Limits withIndexWait(String value) {
            return new Limits(lockWait, lockTimeout, statementTimeout, lockRetries, waiting, overrides, value);
        }

        /** The lock_timeout a changeset's statements run with: the command line's, the script's own, or the session's. */
        String lockTimeoutOf(java.util.List<liquibase.change.Change> changes) {
            return java.util.Optional.ofNullable(overrides.values().get("lock_timeout")).orElseGet(() -> changes.stream()
                    .filter(c -> c instanceof liquibase.change.core.RawSQLChange)
                    .map(c -> SettingOverrides.setIn(((liquibase.change.core.RawSQLChange) c).getSql(), "lock_timeout"))
                    .flatMap(java.util.Optional::stream).reduce((a, b) -> b).orElse(lockTimeout));
        }

        private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|min|h)?");

        /**
         * A PostgreSQL duration as the timeouts take it: {@code 500ms}, {@code 10s}, {@code 2min}, {@code 1h},
         * or {@code 0}. A unit is required (PostgreSQL would read a bare number as milliseconds), and the
         * duration must fit PostgreSQL's range for them, about 24 days.
         */
        public static boolean isDuration(String value) {
            java.util.regex.Matcher m = DURATION.matcher(value.strip());
            if (!m.matches()) return false;
            java.math.BigInteger amount = new java.math.BigInteger(m.group(1));
            if (m.group(2) == null) return amount.signum() == 0;
            long millis = switch (m.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "min" -> 60_000;
                default -> 3_600_000;
            };
            return amount.multiply(java.math.BigInteger.valueOf(millis)).compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
        }

        Duration backoff(int retry) {
            return Duration.ofMillis(Math.min(10_000, 500L << Math.min(retry - 1, 5)));
        }
    }

    public RevisionRunner withLimits(Limits newLimits) {
        this.limits = newLimits;
        return this;
    }

    /**
     * The migration lock and the session's timeouts, all given back on close as they were before (the
     * connection may be a pool's, set up with timeouts of its own).
     */
    private record Session(Connection connection, AdvisoryLock lock, TrackingTable.SearchPath schema, String lockTimeout,
                           String statementTimeout) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                schema.close();
                if (!connection.isClosed()) {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                    try (var s = connection.createStatement()) {
                        s.execute("SET lock_timeout = " + Identifiers.literal(lockTimeout));
                        s.execute("SET statement_timeout = " + Identifiers.literal(statementTimeout));
                    }
                }
            } finally {
                lock.close();
            }
        }
    }

    private Session lock() throws SQLException {
        AdvisoryLock lock = AdvisoryLock.acquire(connection, limits.lockWait(), limits.waiting());
        TrackingTable.SearchPath schema;
        String lockTimeout;
        String statementTimeout;
        try (var s = connection.createStatement()) {
            try (var rs = s.executeQuery("SELECT current_setting('lock_timeout'), current_setting('statement_timeout')")) {
                rs.next();
                lockTimeout = rs.getString(1);
                statementTimeout = rs.getString(2);
            }
            s.execute("SET lock_timeout = " + Identifiers.literal(limits.lockTimeout()));
            s.execute("SET statement_timeout = " + Identifiers.literal(limits.statementTimeout()));
            schema = TrackingTable.pinSchema(connection);
        } catch (SQLException e) {
            lock.close();
            throw e;
        }
        return new Session(connection, lock, schema, lockTimeout, statementTimeout);
    }

    public RevisionRunner(Connection connection, MigrationsDirectory migrations, RevisionGraph graph) {
        this.connection = connection;
        this.migrations = migrations;
        this.graph = graph;
        this.parser = new ChangeSetParser(migrations);
        this.liquibase = new LiquibaseSession(connection);
    }

    private Progress progress() {
        return progress(TrackingTable.ranChangeSetIds(connection));
    }

    private Progress progress(Set<String> ranChangeSetIds) {
        return Progress.of(ranChangeSetIds, graph).known(graph, migrations.versions().toString());
    }

    /**
     * The revisions a newer version of the migrations applied after every revision of this folder
     * (in the order they ran), or empty when the database is not ahead; refused, naming them, when
     * the database applied a revision the folder lacks but not all of the folder's.
     */
    public List<String> newerRevisions() {
        return knownOrAhead(TrackingTable.ranChangeSetIds(connection)).unknown();
    }

    private Progress knownOrAhead(Set<String> ranChangeSetIds) {
        return Progress.of(ranChangeSetIds, graph).knownOrAhead(graph, migrations.versions().toString());
    }

    /**
     * Where the database stands, from one read of the tracking table: the revisions wholly applied,
     * the current ones, and {@link #newerRevisions} (then the others say nothing of this folder).
     */
    public record Standing(Set<String> applied, List<String> current, List<String> newer) {
    }

    public Standing standing() {
        Progress progress = knownOrAhead(TrackingTable.ranChangeSetIds(connection));
        return new Standing(progress.applied(), graph.headsOf(progress.started()), progress.unknown());
    }

    /**
     * Where the database stands, refused if a revision it applied was edited since: a changeset
     * changed (Liquibase's checksums) or gone from its file.
     */
    private Progress verifiedProgress() {
        List<TrackingTable.Row> rows = TrackingTable.rows(connection);
        Progress progress = progress(TrackingTable.ids(rows));
        progress.refuseChangeSetsGoneFromTheirFiles(graph);
        if (!progress.started().isEmpty()) {
            ChecksumVerifier.verify(rows, graph, parser, progress.started());
        }
        return progress;
    }

    /** Revisions with every changeset recorded. */
    public Set<String> applied() {
        return progress().applied();
    }

    /**
     * Revisions whose main changeset ran but a later, non-transactional one (CREATE INDEX
     * CONCURRENTLY) did not: upgrade finishes them.
     */
    public Set<String> partiallyApplied() {
        return progress().partial();
    }

    /** The revisions the database is at: heads of what was applied, partly or wholly (empty at base). */
    public List<String> current() {
        return graph.headsOf(progress().started());
    }

    /**
     * One revision as the database has it: {@code SUCCESS} (every changeset ran), {@code PARTIAL},
     * {@code PENDING}, or {@code FUTURE} (applied by a newer version of the migrations, so not in this
     * folder: no parents, message or script); when its main changeset ran, and Liquibase's checksum of it.
     */
    public record RevisionState(String revision, List<String> parents, String message, String script, String state,
                                Optional<java.time.Instant> installedOn, Optional<String> checksum) {
    }

    /** Every revision, oldest first, with its state on this database. */
    public List<RevisionState> states() {
        List<TrackingTable.Row> ran = TrackingTable.rows(connection);
        Map<String, TrackingTable.Row> rows = new HashMap<>();
        ran.forEach(r -> rows.put(r.id(), r));
        Progress progress = knownOrAhead(TrackingTable.ids(ran));
        List<RevisionState> states = new ArrayList<>();
        for (Revision r : graph.topological()) {
            String state = progress.applied().contains(r.id()) ? "SUCCESS" : progress.partial().contains(r.id()) ? "PARTIAL" : "PENDING";
            Optional<TrackingTable.Row> main = Optional.ofNullable(rows.get(r.id()));
            states.add(new RevisionState(r.id(), r.parents(), r.message(), r.location(), state,
                    main.map(TrackingTable.Row::executed), main.map(TrackingTable.Row::checksum)));
        }
        for (String newer : progress.unknown()) {
            TrackingTable.Row main = rows.get(newer);
            states.add(new RevisionState(newer, List.of(), null, null, "FUTURE", Optional.of(main.executed()), Optional.of(main.checksum())));
        }
        return states;
    }

    /** What {@code validate} found on a database: every applied revision is on disk and unedited. */
    public record Validation(Set<String> applied, Set<String> partial, List<String> pending) {
    }

    /**
     * Checks the database against the revision files without changing anything: every revision it
     * records exists, and none was edited after it was applied.
     */
    public Validation validate() {
        Progress progress = verifiedProgress();
        // each revision in one state: a partly applied one is not also pending
        List<String> pending = graph.topological().stream().map(Revision::id)
                .filter(id -> !progress.applied().contains(id) && !progress.partial().contains(id)).toList();
        return new Validation(progress.applied(), progress.partial(), pending);
    }

    /** An upgrade before the deploy: it stops before a contract ({@link RevisionGraph.Phases#EXPAND}). */
    public List<String> upgrade(String target, Consumer<Step> listener) {
        return upgrade(target, RevisionGraph.Phases.EXPAND, listener);
    }

    public List<String> upgrade(String target, RevisionGraph.Phases phases, Consumer<Step> listener) {
        try (Session session = lock()) {
            liquibase.initHistory();
            return execute(MigrationPlan.upgrade(graph, parser, verifiedProgress(), target, phases), listener);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    public List<String> downgrade(String target, Consumer<Step> listener) {
        try (Session session = lock()) {
            return execute(MigrationPlan.downgrade(graph, parser, verifiedProgress(), target), listener);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /**
     * Records the database as being at TARGET ({@code head}, {@code heads}, a revision or {@code base})
     * without running any statement: rows are added to or removed from DATABASECHANGELOG, in one transaction.
     */
    public void stamp(String target) {
        stamp(target, false);
    }

    /**
     * With {@code purge}, every diffgen row goes first, whatever revisions it names (even ones whose
     * file is gone), and the target is recorded afresh, in the same transaction.
     */
    public void stamp(String target, boolean purge) {
        try (Session session = lock()) {
            liquibase.initHistory();
            MigrationPlan plan = MigrationPlan.stamp(graph, parser, purge ? Progress.assumedAt(List.of(), graph) : progress(), target);
            new ChangeSetExecutor(connection, liquibase, limits, this::describeCurrent).record(plan, purge);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /** The plan's steps, one changeset at a time; returns the revisions it went through. */
    private List<String> execute(MigrationPlan plan, Consumer<Step> listener) {
        boolean upgrade = plan.kind() == MigrationPlan.Kind.UPGRADE;
        ChangeSetExecutor executor = new ChangeSetExecutor(connection, liquibase, limits, this::describeCurrent).watchedBy(watch);
        List<String> done = new ArrayList<>();
        for (MigrationPlan.Step step : plan.steps()) {
            Revision revision = step.revision();
            watch.out().accept("[" + (done.size() + 1) + "/" + plan.steps().size() + "] " + revision.running(upgrade));
            if (upgrade) {
                preflight(revision, step.changeSets());
            }
            for (ChangeSet cs : step.changeSets()) {
                executor.run(revision, cs, upgrade);
            }
            lastCompleted = upgrade ? revision.id() : "the rollback of " + revision.id();
            done.add(revision.id());
            listener.accept(new Step(revision.id(), revision.message(), upgrade));
        }
        return done;
    }

    /** Stops the run before the revision changes anything when its data checks find rows it would reject. */
    private void preflight(Revision revision, List<ChangeSet> changeSets) {
        Preflight.Result result = checkData(changeSets);
        if (!result.unfinished().isEmpty()) {
            throw new DiffgenException(ErrorCode.MIGRATION, "upgrade of revision " + revision.id() + " (" + revision.location()
                    + ") stopped before it changed anything: its data checks did not finish (statement_timeout "
                    + limits.statementTimeout() + ", lock_timeout " + limits.lockTimeout() + "), so nothing says the rows already there "
                    + "pass it; give them time with a longer --statement-timeout (0: none), or run 'preflight' first; the database is still at "
                    + describeCurrent() + "\n  " + String.join("\n  ", result.unfinished()));
        }
        if (!result.passed()) {
            throw new DiffgenException(ErrorCode.MIGRATION, "upgrade of revision " + revision.id() + " (" + revision.location()
                    + ") stopped before it changed anything: rows already in the database would fail it; the database is still at "
                    + describeCurrent() + "\n  " + String.join("\n  ", result.violations().stream().map(Preflight.Violation::line).toList()));
        }
    }

    private Preflight.Result checkData(List<ChangeSet> changeSets) {
        try {
            Preflight.Result result = Preflight.run(connection, Preflight.checksOf(changeSets));
            result.notRun().forEach(line -> limits.waiting().accept("data check not run (PostgreSQL checks the rows when the statement runs): " + line));
            result.violations().stream().filter(v -> !v.check().halts()).forEach(v -> limits.waiting().accept("WARNING data check " + v.line()));
            return result;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot run the data checks: " + e.getMessage(), e);
        }
    }

    /**
     * The data checks of one pending revision: those that rows already in the database fail (the check's
     * name and what it found), those not run, and those that did not finish within the timeouts.
     */
    public record DataReport(Revision revision, List<Failed> violations, List<String> notRun, List<String> unfinished) {
        public record Failed(String check, String line) {
        }
    }

    /**
     * The data checks of the revisions an upgrade to {@code target} would apply, run on the database as
     * it is now, without changing anything. A check of a later revision may need what an earlier one
     * creates: it is reported as not run.
     */
    public List<DataReport> preflight(String target) {
        try (Session session = lock()) {
            List<DataReport> reports = new ArrayList<>();
            for (MigrationPlan.Step step : MigrationPlan.upgrade(graph, parser, progress(), target, RevisionGraph.Phases.EXPAND).steps()) {
                Preflight.Result result = Preflight.run(connection, Preflight.checksOf(step.changeSets()));
                reports.add(new DataReport(step.revision(), result.violations().stream()
                        .map(v -> new DataReport.Failed(v.check().name(), v.line())).toList(), result.notRun(), result.unfinished()));
            }
            return reports;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /** How {@code current} and a failure mark a revision some of whose changesets are applied and some not. */
    public static String partiallyApplied(Revision r) {
        return " (partially applied: a later changeset of it did not run; " + (r.isContract() ? "'diffgen contract'" : "upgrade") + " finishes it)";
    }

    private String describeCurrent() {
        try {
            if (connection.isValid(2)) {
                List<String> current = current();
                Set<String> partial = partiallyApplied();
                return current.isEmpty() ? "base" : String.join(", ", current.stream().map(id -> id + (partial.contains(id) ? partiallyApplied(graph.get(id)) : ""))
                        .toList());
            }
        } catch (SQLException | RuntimeException e) {
            // fall through: say what this run knows
        }
        return "an unknown revision: the connection is lost; the last revision this run completed is "
                + (lastCompleted == null ? "none" : lastCompleted);
    }
}

package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.revision.RevisionScript;
import liquibase.change.Change;
import liquibase.change.CheckSum;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies and rolls back revision scripts on one database. Liquibase parses the scripts, computes
 * checksums and writes DATABASECHANGELOG exactly as stock Liquibase does; diffgen owns the
 * transaction, so a revision's statements and its tracking row commit together or not at all, and
 * it holds a PostgreSQL advisory lock instead of Liquibase's lock table.
 */
public final class RevisionRunner implements AutoCloseable {

    /** Told after each revision is applied or rolled back. */
    public record Step(String revision, String message, boolean upgrade) {
    }

    private final Connection connection;
    private final MigrationsDirectory migrations;
    private final RevisionGraph graph;
    private final Map<String, DatabaseChangeLog> parsed = new HashMap<>();
    /** Liquibase is started only by the commands that run or check scripts, not by current or status. */
    private Database database;
    private ResourceAccessor resources;
    /** For error messages when the database can no longer be asked. */
    private String lastCompleted;

    public RevisionRunner(Connection connection, MigrationsDirectory migrations, RevisionGraph graph) {
        this.connection = connection;
        this.migrations = migrations;
        this.graph = graph;
    }

    private Database database() {
        if (database == null) {
            try {
                database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                resources = new DirectoryResourceAccessor(migrations.root().toAbsolutePath().normalize());
            } catch (LiquibaseException | FileNotFoundException e) {
                throw new DiffgenException(ErrorCode.DATABASE, "cannot open the database for migrations: " + e.getMessage(), e);
            }
        }
        return database;
    }

    public RevisionGraph graph() {
        return graph;
    }

    /** Ids of the diffgen changesets recorded in DATABASECHANGELOG (read with plain JDBC). */
    private Set<String> ranChangeSetIds() {
        try {
            Set<String> ids = new LinkedHashSet<>();
            if (!trackingTableExists()) {
                return ids;
            }
            try (var ps = connection.prepareStatement("SELECT id FROM databasechangelog WHERE author = ? ORDER BY orderexecuted")) {
                ps.setString(1, RevisionScript.AUTHOR);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read DATABASECHANGELOG: " + e.getMessage(), e);
        }
    }

    /** What the tracking table says, read once: revisions wholly applied, and those only partly applied. */
    private record Progress(Set<String> applied, Set<String> partial) {
        Set<String> started() {
            Set<String> all = new LinkedHashSet<>(applied);
            all.addAll(partial);
            return all;
        }
    }

    private Progress progress() {
        Set<String> ran = ranChangeSetIds();
        Set<String> applied = new LinkedHashSet<>();
        Set<String> partial = new LinkedHashSet<>();
        for (String id : started(ran)) {
            (ran.containsAll(changeSetIds(graph.get(id))) ? applied : partial).add(id);
        }
        return new Progress(applied, partial);
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

    private Set<String> started(Set<String> ran) {
        Set<String> started = new LinkedHashSet<>();
        for (String id : ran) {
            if (id.contains(".")) {
                continue;
            }
            if (!graphContains(id)) {
                throw new DiffgenException(ErrorCode.REVISION, "the database is at revision " + id
                        + ", which is not in " + migrations.versions() + " (a revision file is missing?)");
            }
            started.add(id);
        }
        return started;
    }

    /** A script's changeset ids, from its text: no parsing needed to tell what ran. */
    private static List<String> changeSetIds(Revision revision) {
        List<String> ids = new ArrayList<>();
        String text = MigrationsDirectory.read(revision.path().orElseThrow());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^--changeset " + RevisionScript.AUTHOR + ":(\\S+)").matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The revisions the database is at: heads of what was applied, partly or wholly (empty at base). */
    public List<String> current() {
        return graph.headsOf(progress().started());
    }

    private boolean graphContains(String id) {
        return graph.topological().stream().anyMatch(r -> r.id().equals(id));
    }

    public List<String> upgrade(String target, Consumer<Step> listener) {
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection)) {
            history().init();
            database().commit();
            Progress progress = progress();
            verifyChecksums(progress.started());
            List<String> plan = graph.upgradePlan(target, progress.applied());
            for (String id : plan) {
                apply(graph.get(id));
                lastCompleted = id;
                listener.accept(new Step(id, graph.get(id).message(), true));
            }
            return plan;
        } catch (LiquibaseException | SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    public List<String> downgrade(String target, Consumer<Step> listener) {
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection)) {
            Set<String> applied = progress().started();
            verifyChecksums(applied);
            List<String> plan = graph.downgradePlan(target, applied);
            for (String id : plan) {
                rollback(graph.get(id));
                lastCompleted = "the rollback of " + id;
                listener.accept(new Step(id, graph.get(id).message(), false));
            }
            return plan;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /**
     * Records the database as being at TARGET ({@code head}, {@code heads}, a revision or {@code base})
     * without running any statement: rows are added to or removed from DATABASECHANGELOG.
     */
    public void stamp(String target) {
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection)) {
            history().init();
            database().commit();
            Set<String> applied = progress().started();
            Set<String> goal = switch (target) {
                case "base" -> Set.of();
                case "heads" -> graph.ancestorsInclusive(graph.heads());
                case "head" -> graph.ancestorsInclusive(List.of(graph.head("'stamp head'")));
                default -> graph.ancestorsInclusive(List.of(graph.resolveId(target)));
            };
            database().setAutoCommit(false);
            List<Revision> order = graph.topological();
            for (int i = order.size() - 1; i >= 0; i--) {
                Revision r = order.get(i);
                if (applied.contains(r.id()) && !goal.contains(r.id())) {
                    for (ChangeSet cs : changeSets(r)) history().removeFromHistory(cs);
                }
            }
            for (Revision r : order) {
                if (goal.contains(r.id()) && !applied.contains(r.id())) {
                    for (ChangeSet cs : changeSets(r)) history().setExecType(cs, ChangeSet.ExecType.EXECUTED);
                }
            }
            database().commit();
        } catch (LiquibaseException | SQLException e) {
            rollbackQuietly();
            throw new DiffgenException(ErrorCode.DATABASE, "stamp failed: " + rootMessage(e), e);
        } finally {
            try {
                database().setAutoCommit(true);
            } catch (LiquibaseException ignored) {
                // reported by the next use
            }
        }
    }

    private void apply(Revision revision) {
        Set<String> ran = ranChangeSetIds();
        for (ChangeSet cs : changeSets(revision)) {
            if (ran.contains(cs.getId())) {
                continue; // a partly applied revision resumes after what ran
            }
            if (!cs.isRunInTransaction()) {
                dropInvalidIndexesOf(cs);
            }
            runChangeSet(revision, cs, cs.getChanges(), true);
        }
    }

    /**
     * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind; it is dropped before the
     * changeset runs again, or the retry would fail on the name.
     */
    private void dropInvalidIndexesOf(ChangeSet cs) {
        String sql = cs.getChanges().stream().filter(c -> c instanceof liquibase.change.core.RawSQLChange)
                .map(c -> ((liquibase.change.core.RawSQLChange) c).getSql()).reduce("", String::concat);
        try (var ps = connection.prepareStatement("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE NOT i.indisvalid AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())""");
             var rs = ps.executeQuery()) {
            List<String> invalid = new ArrayList<>();
            while (rs.next()) {
                invalid.add(rs.getString(1));
            }
            for (String name : invalid) {
                if (java.util.regex.Pattern.compile("\\bINDEX CONCURRENTLY " + java.util.regex.Pattern.quote(
                        io.diffgen.snapshot.Identifiers.quote(name)) + "\\s").matcher(sql).find()) {
                    boolean autoCommit = connection.getAutoCommit();
                    connection.setAutoCommit(true); // CONCURRENTLY cannot run in a transaction block
                    try (var drop = connection.createStatement()) {
                        drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + io.diffgen.snapshot.Identifiers.quote(name));
                    } finally {
                        connection.setAutoCommit(autoCommit);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot clean up invalid indexes: " + e.getMessage(), e);
        }
    }

    private void rollback(Revision revision) {
        List<ChangeSet> changeSets = new ArrayList<>(changeSets(revision));
        java.util.Collections.reverse(changeSets);
        Set<String> ran = ranChangeSetIds();
        for (ChangeSet cs : changeSets) {
            if (ran.contains(cs.getId())) {
                runChangeSet(revision, cs, cs.getRollback().getChanges(), false);
            }
        }
    }

    /** One changeset: its statements and its tracking row in one transaction where PostgreSQL allows. */
    private void runChangeSet(Revision revision, ChangeSet cs, List<Change> changes, boolean upgrade) {
        String statement = null;
        Database database = database();
        try {
            boolean transactional = cs.isRunInTransaction();
            database.setAutoCommit(!transactional);
            for (Change change : changes) {
                statement = oneLine(change);
                database.executeStatements(change, cs.getChangeLog(), cs.getSqlVisitors());
            }
            statement = null;
            if (upgrade) {
                history().setExecType(cs, ChangeSet.ExecType.EXECUTED);
            } else {
                history().removeFromHistory(cs);
            }
            database.commit();
        } catch (LiquibaseException e) {
            rollbackQuietly();
            String state = upgrade
                    ? (cs.isRunInTransaction() ? "nothing of it was applied; the database is still at " + describeCurrent()
                            : "this changeset ran outside a transaction and may be partly applied")
                    : "it was not rolled back; the database is still at " + describeCurrent();
            String failed = failedStatement(e);
            if (failed != null) {
                statement = failed;
            }
            throw new DiffgenException(ErrorCode.MIGRATION, (upgrade ? "upgrade" : "downgrade") + " of revision " + revision.id()
                    + " (" + revision.location() + ") failed" + (statement == null ? "" : " at: " + statement) + ": "
                    + rootMessage(e) + "; " + state, e);
        } finally {
            try {
                database.setAutoCommit(true);
            } catch (LiquibaseException ignored) {
                // the connection is broken; the caller's next use reports it
            }
        }
    }

    private String describeCurrent() {
        try {
            if (connection.isValid(2)) {
                List<String> current = current();
                return current.isEmpty() ? "base" : String.join(", ", current);
            }
        } catch (SQLException | RuntimeException e) {
            // fall through: say what this run knows
        }
        return "an unknown revision: the connection is lost; the last revision this run completed is "
                + (lastCompleted == null ? "none" : lastCompleted);
    }

    private void rollbackQuietly() {
        try {
            database().rollback();
        } catch (LiquibaseException ignored) {
            // nothing else to undo
        }
    }

    private static String oneLine(Change change) {
        String text = change instanceof liquibase.change.core.RawSQLChange raw ? raw.getSql() : change.getDescription();
        text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** Liquibase names the statement that failed as {@code [Failed SQL: (code) statement]}. */
    private static String failedStatement(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf("[Failed SQL: ");
            if (at >= 0) {
                String sql = m.substring(at + "[Failed SQL: ".length());
                sql = sql.replaceFirst("^\\(-?\\d+\\)\\s*", "");
                sql = sql.endsWith("]") ? sql.substring(0, sql.length() - 1) : sql;
                sql = sql.strip().replaceAll("\\s+", " ");
                return sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** A revision edited after it was applied is refused, naming the file. */
    private void verifyChecksums(Set<String> applied) {
        try {
            Map<String, RanChangeSet> ran = new HashMap<>();
            for (RanChangeSet r : history().getRanChangeSets()) {
                if (RevisionScript.AUTHOR.equals(r.getAuthor())) ran.put(r.getId(), r);
            }
            for (String id : applied) {
                if (!graphContains(id)) {
                    throw new DiffgenException(ErrorCode.REVISION, "the database is at revision " + id
                            + ", which is not in " + migrations.versions() + " (a revision file is missing?)");
                }
                Revision revision = graph.get(id);
                for (ChangeSet cs : changeSets(revision)) {
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

    /** The parsed changesets of a revision script (the first is the revision's main changeset). */
    public List<ChangeSet> changeSets(Revision revision) {
        Path path = revision.path().orElseThrow(() -> new IllegalStateException("revision " + revision.id() + " has no file"));
        DatabaseChangeLog log = parsed.computeIfAbsent(revision.id(), id -> {
            String relative = migrations.root().toAbsolutePath().normalize()
                    .relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
            try {
                Database db = database();
                return ChangeLogParserFactory.getInstance().getParser(relative, resources)
                        .parse(relative, new ChangeLogParameters(db), resources);
            } catch (LiquibaseException e) {
                throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": cannot parse: " + rootMessage(e), e);
            }
        });
        List<ChangeSet> sets = log.getChangeSets();
        if (sets.isEmpty() || !sets.get(0).getId().equals(revision.id())) {
            throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": the first changeset must have id "
                    + revision.id() + " (the header's Revision)");
        }
        return sets;
    }

    private ChangeLogHistoryService history() {
        return liquibase.Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).getChangeLogService(database());
    }

    private boolean trackingTableExists() throws SQLException {
        try (var ps = connection.prepareStatement("SELECT to_regclass('databasechangelog') IS NOT NULL"); var rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public void close() {
        // the connection belongs to the caller
    }
}

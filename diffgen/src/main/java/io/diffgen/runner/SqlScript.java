package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.core.PostgresDatabase;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.statement.core.RawSqlStatement;

import java.util.List;

import static io.diffgen.snapshot.Identifiers.literal;

/**
 * {@code --sql}: a {@link MigrationPlan} rendered as a script for psql instead of executed, with the
 * DATABASECHANGELOG bookkeeping the online run would write. Needs no database: the range says where
 * the database starts, as in Alembic's offline mode. Applied with {@code psql -v ON_ERROR_STOP=1 -f},
 * it leaves the database as the online command would.
 */
public final class SqlScript {
    private final RevisionGraph graph;
    private final ChangeSetParser parser;
    private final PostgresDatabase database = new PostgresDatabase();
    private final String deploymentId;
    private final RevisionRunner.Limits limits;
    private final String session;

    /**
     * {@code limits}: the lock and statement timeouts the script's session starts with, as the online
     * run's session does, so that a statement no script bounds waits no longer offline than online;
     * and the settings given in place of the scripts' own.
     */
    public SqlScript(MigrationsDirectory migrations, RevisionGraph graph, RevisionRunner.Limits limits) {
        this.graph = graph;
        this.limits = limits;
        this.parser = new ChangeSetParser(migrations);
        this.deploymentId = TrackingTable.newDeploymentId();
        this.session = "SET lock_timeout = " + io.diffgen.snapshot.Identifiers.literal(limits.lockTimeout()) + ";\nSET statement_timeout = "
                + io.diffgen.snapshot.Identifiers.literal(limits.statementTimeout()) + ";\n";
    }

    /** {@code [FROM:]TO}, FROM defaulting to base. */
    public String upgrade(String range) {
        return upgrade(range, RevisionGraph.Phases.EXPAND);
    }

    public String upgrade(String range, RevisionGraph.Phases phases) {
        RevisionGraph.Range r = RevisionGraph.Range.ofScript(range, "upgrade", false);
        MigrationPlan plan = MigrationPlan.upgrade(graph, parser, startingAt(r), r.to(), phases);
        return render("-- diffgen upgrade " + range + "\n\n" + session + TrackingTable.CREATE + "\n", plan);
    }

    /** {@code FROM:TO}: both ends are required, since nothing tells where the database is. */
    public String downgrade(String range) {
        RevisionGraph.Range r = RevisionGraph.Range.ofScript(range, "downgrade", true);
        MigrationPlan plan = MigrationPlan.downgrade(graph, parser, startingAt(r), r.to());
        return render("-- diffgen downgrade " + range + "\n\n" + session, plan);
    }

    /** {@code [FROM:]TO}, FROM defaulting to base: only tracking rows, no statement of the revisions. */
    public String stamp(String range) {
        return stamp(range, false);
    }

    /** With {@code purge}, every diffgen row is deleted first and the target recorded from base, as {@code stamp --purge} does online. */
    public String stamp(String range, boolean purge) {
        RevisionGraph.Range r = RevisionGraph.Range.ofScript(range, "stamp", false);
        MigrationPlan plan = MigrationPlan.stamp(graph, parser, purge ? Progress.assumedAt(List.of(), graph) : startingAt(r), r.to());
        return render("-- diffgen stamp " + (purge ? "--purge " : "") + range + "\n\n" + TrackingTable.CREATE + "\n"
                + (purge ? TrackingTable.FORGET_ALL + ";\n" : ""), plan);
    }

    /** Where a database described by a range's FROM stands. */
    private Progress startingAt(RevisionGraph.Range range) {
        return Progress.assumedAt(graph.startOf(range), graph);
    }

    private String render(String header, MigrationPlan plan) {
        StringBuilder out = new StringBuilder(header);
        for (MigrationPlan.Step step : plan.steps()) {
            Revision r = step.revision();
            out.append("\n-- ").append(switch (step.action()) {
                case APPLY -> r.running(true);
                case ROLL_BACK -> r.running(false);
                case RECORD -> "Stamping " + r.id() + ", " + r.message();
                case FORGET -> "Unstamping " + r.id() + ", " + r.message();
            }).append('\n');
            if (step.action() == MigrationPlan.Action.APPLY) {
                dataChecks(out, r, step.changeSets());
            }
            for (ChangeSet cs : step.changeSets()) {
                switch (step.action()) {
                    case APPLY -> block(out, cs, cs.getChanges(), TrackingTable.insert(cs, deploymentId));
                    case ROLL_BACK -> block(out, cs, cs.getRollback().getChanges(), TrackingTable.delete(cs));
                    case RECORD -> out.append(TrackingTable.insert(cs, deploymentId)).append('\n');
                    case FORGET -> out.append(TrackingTable.delete(cs)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private void block(StringBuilder out, ChangeSet cs, List<Change> changes, String bookkeeping) {
        boolean transactional = cs.isRunInTransaction();
        if (transactional) out.append("BEGIN;\n").append(bookkeeping).append('\n'); // first, as online: nothing between the DDL and COMMIT
        try {
            for (Change change : changes) {
                for (SqlStatement statement : change.generateStatements(database)) {
                    String sql = limits.overrides().apply(sql(statement));
                    if (!transactional && ConcurrentIndexes.isConcurrent(sql)) {
                        // bounded by --index-wait, as online, then the changeset's own lock_timeout again
                        out.append("SET lock_timeout = ").append(literal(limits.indexWait())).append(";\n")
                                .append(ConcurrentIndexes.forScript(sql)).append(";\n")
                                .append("SET lock_timeout = ").append(literal(limits.lockTimeoutOf(changes))).append(";\n");
                    } else {
                        out.append(sql).append(";\n");
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new DiffgenException(ErrorCode.REVISION, cs.getFilePath() + ": cannot render: " + e.getMessage(), e);
        }
        out.append(transactional ? "COMMIT;\n" : bookkeeping + "\n");
    }

    /**
     * The revision's data checks, each a DO block that raises (psql's ON_ERROR_STOP then stops) before
     * the revision changes anything, when rows already in the database would fail it.
     */
    private static void dataChecks(StringBuilder out, Revision r, List<ChangeSet> changeSets) {
        for (Preflight.Check check : Preflight.checksOf(changeSets)) {
            String message = "data check " + check.name().replace("%", "%%") + " of revision " + r.id() + ": found % instead of "
                    + check.expected() + "; nothing of the revision was applied" + check.listing().replace("%", "%%");
            out.append("DO $diffgen$ DECLARE found text; BEGIN SELECT (").append(check.sql()).append(")::text INTO found; IF found IS DISTINCT FROM ")
                    .append(literal(check.expected())).append(" THEN ").append(check.halts() ? "RAISE EXCEPTION " : "RAISE WARNING ")
                    .append(literal(message)).append(", found; END IF; END $diffgen$;\n");
        }
    }

    /** A statement without the semicolon that ends a changeset Liquibase does not split, which the script writes itself. */
    private static String sql(SqlStatement statement) {
        String sql;
        if (statement instanceof RawSqlStatement raw) sql = raw.getSql().strip();
        else if (statement instanceof RawParameterizedSqlStatement raw) sql = raw.getSql().strip();
        else throw new IllegalStateException("unexpected statement " + statement.getClass().getSimpleName());
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
}

package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import liquibase.ChecksumVersion;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawParameterizedSqlStatement;
import liquibase.statement.core.RawSqlStatement;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.diffgen.snapshot.Identifiers.literal;

/**
 * {@code --sql}: the statements an upgrade or downgrade would run, with the DATABASECHANGELOG
 * bookkeeping, as a script for psql. Needs no database: the range is given, as in Alembic's offline
 * mode. Applied with {@code psql -v ON_ERROR_STOP=1 -f}, it leaves the database as the command would.
 */
public final class SqlScript {
    /** Liquibase 4.31's own DDL for its tracking table, so stock Liquibase accepts the table. */
    static final String CHANGELOG_TABLE = """
            CREATE TABLE IF NOT EXISTS databasechangelog (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, \
            filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP WITHOUT TIME ZONE NOT NULL, orderexecuted INTEGER NOT NULL, \
            exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255), tag VARCHAR(255), \
            liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255), deployment_id VARCHAR(10));""";

    private final MigrationsDirectory migrations;
    private final RevisionGraph graph;
    private final PostgresDatabase database = new PostgresDatabase();
    private final ResourceAccessor resources;
    private final String deploymentId;

    public SqlScript(MigrationsDirectory migrations, RevisionGraph graph) {
        this.migrations = migrations;
        this.graph = graph;
        try {
            this.resources = new DirectoryResourceAccessor(migrations.root().toAbsolutePath().normalize());
        } catch (FileNotFoundException e) {
            throw new DiffgenException(ErrorCode.REVISION, "no migrations folder at " + migrations.root(), e);
        }
        this.deploymentId = Long.toString(Math.abs(new SecureRandom().nextLong()) % 10_000_000_000L);
    }

    /** {@code [FROM:]TO}, FROM defaulting to base. */
    public String upgrade(String range) {
        String[] parts = split(range, false);
        Set<String> applied = parts[0] == null || parts[0].equals("base") ? Set.of() : graph.ancestorsInclusive(List.of(resolve(parts[0])));
        List<String> plan = graph.upgradePlan(parts[1], applied);
        StringBuilder out = new StringBuilder("-- diffgen upgrade " + range + "\n\n" + CHANGELOG_TABLE + "\n");
        for (String id : plan) {
            Revision r = graph.get(id);
            out.append("\n-- Running upgrade ").append(String.join(", ", r.parents())).append(" -> ").append(id)
                    .append(", ").append(r.message()).append('\n');
            for (ChangeSet cs : changeSets(r)) {
                block(out, cs, cs.getChanges(), insertRow(cs));
            }
        }
        return out.toString();
    }

    /** {@code FROM:TO}: both ends are required, since nothing tells where the database is. */
    public String downgrade(String range) {
        String[] parts = split(range, true);
        Set<String> applied = parts[0].equals("base") ? Set.of() : graph.ancestorsInclusive(List.of(resolve(parts[0])));
        List<String> plan = graph.downgradePlan(parts[1], applied);
        StringBuilder out = new StringBuilder("-- diffgen downgrade " + range + "\n");
        for (String id : plan) {
            Revision r = graph.get(id);
            out.append("\n-- Running downgrade ").append(id).append(" -> ").append(String.join(", ", r.parents()))
                    .append(", ").append(r.message()).append('\n');
            List<ChangeSet> sets = new ArrayList<>(changeSets(r));
            java.util.Collections.reverse(sets);
            for (ChangeSet cs : sets) {
                block(out, cs, cs.getRollback().getChanges(), "DELETE FROM databasechangelog WHERE id = " + literal(cs.getId())
                        + " AND author = " + literal(cs.getAuthor()) + " AND filename = " + literal(cs.getFilePath()) + ";");
            }
        }
        return out.toString();
    }

    private String resolve(String reference) {
        return reference.equals("head") ? graph.head("--sql") : graph.resolveId(reference);
    }

    private static String[] split(String range, boolean bothRequired) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            if (bothRequired) {
                throw new DiffgenException(ErrorCode.USAGE, "downgrade --sql needs a range FROM:TO (for example head:base), since no database says where it starts");
            }
            return new String[]{null, range};
        }
        String from = range.substring(0, colon);
        String to = range.substring(colon + 1);
        if (from.isEmpty() || to.isEmpty()) {
            throw new DiffgenException(ErrorCode.USAGE, "bad range '" + range + "': expected FROM:TO");
        }
        return new String[]{from, to};
    }

    private void block(StringBuilder out, ChangeSet cs, List<Change> changes, String bookkeeping) {
        boolean transactional = cs.isRunInTransaction();
        if (transactional) out.append("BEGIN;\n");
        try {
            for (Change change : changes) {
                for (SqlStatement statement : change.generateStatements(database)) {
                    out.append(sql(statement)).append(";\n");
                }
            }
        } catch (RuntimeException e) {
            throw new DiffgenException(ErrorCode.REVISION, cs.getFilePath() + ": cannot render: " + e.getMessage(), e);
        }
        out.append(bookkeeping).append('\n');
        if (transactional) out.append("COMMIT;\n");
    }

    private static String sql(SqlStatement statement) {
        if (statement instanceof RawSqlStatement raw) return raw.getSql().strip();
        if (statement instanceof RawParameterizedSqlStatement raw) return raw.getSql().strip();
        throw new IllegalStateException("unexpected statement " + statement.getClass().getSimpleName());
    }

    private String insertRow(ChangeSet cs) {
        String checksum = cs.generateCheckSum(ChecksumVersion.latest()).toString();
        return "INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description, "
                + "comments, tag, liquibase, contexts, labels, deployment_id) VALUES (" + literal(cs.getId()) + ", "
                + literal(cs.getAuthor()) + ", " + literal(cs.getFilePath()) + ", NOW(), "
                + "(SELECT COALESCE(MAX(orderexecuted), 0) + 1 FROM databasechangelog), 'EXECUTED', " + literal(checksum) + ", 'sql', "
                + literal(cs.getComments() == null ? "" : cs.getComments()) + ", NULL, '4.31.1', NULL, NULL, " + literal(deploymentId) + ");";
    }

    private List<ChangeSet> changeSets(Revision revision) {
        Path path = revision.path().orElseThrow();
        String relative = migrations.root().toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize())
                .toString().replace('\\', '/');
        try {
            DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(relative, resources)
                    .parse(relative, new ChangeLogParameters(database), resources);
            return log.getChangeSets();
        } catch (LiquibaseException e) {
            throw new DiffgenException(ErrorCode.REVISION, revision.location() + ": cannot parse: " + e.getMessage(), e);
        }
    }
}

package io.diffgen.catalog;

import io.diffgen.DiffgenException;
import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.List;

/**
 * Puts the entity model into PostgreSQL's own spelling by letting PostgreSQL parse it: the tables are
 * created as temporary tables inside a transaction that is always rolled back, then read back with
 * the same {@link PgCatalogReader} that reads the database. Types, defaults, CHECK expressions and
 * index predicates then compare equal exactly when PostgreSQL considers them equal, and a model with
 * invalid SQL in it is reported before any script is written.
 */
public final class Canonicalizer {

    private static final int MAX_ROUNDS = 4;

    private Canonicalizer() {
    }

    /** The canonical schema, and how many create-and-read rounds it took. */
    public record Result(SchemaSnapshot schema, int rounds) {
    }

    public static SchemaSnapshot canonicalize(Connection connection, SchemaSnapshot model) {
        return canonicalizeWithStats(connection, model).schema();
    }

    public static Result canonicalizeWithStats(Connection connection, SchemaSnapshot model) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot start a transaction: " + e.getMessage(), e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL search_path TO pg_temp, " + currentSchema(connection));
            // PostgreSQL's deparse is not always a fixed point (an IN list on varchar gains casts on the
            // second round), so repeat until each table reads back as it was written: then the script,
            // the database and a later re-creation all carry the same text.
            Map<String, Table> stable = new TreeMap<>();
            Map<String, Table> pending = new TreeMap<>(model.tables());
            int rounds = 0;
            for (int round = 1; round <= MAX_ROUNDS && !pending.isEmpty(); round++) {
                rounds = round;
                Map<String, Table> read = materialise(connection, s, pending.values());
                Map<String, Table> next = new TreeMap<>();
                for (Table written : pending.values()) {
                    Table back = read.get(written.name());
                    if (round == MAX_ROUNDS || withoutForeignKeys(back).equals(withoutForeignKeys(written))) {
                        stable.put(back.name(), back);
                    } else {
                        next.put(back.name(), back);
                    }
                }
                pending = next;
            }
            List<Table> tables = new ArrayList<>();
            for (Table t : stable.values()) {
                List<ForeignKey> fks = model.tables().get(t.name()).foreignKeys();
                tables.add(new Table(t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), t.checks(), t.indexes(), t.comment()));
            }
            return new Result(SchemaSnapshot.of(tables, model.sequences().values()), rounds);
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot read the catalog: " + e.getMessage(), e);
        } finally {
            try {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is unusable; the caller's next statement reports it
            }
        }
    }

    /** Creates the tables as temporary tables, reads them back, and removes them again. */
    private static Map<String, Table> materialise(Connection connection, Statement s, Collection<Table> tables) throws SQLException {
        Savepoint before = connection.setSavepoint();
        // one round trip for the whole model; FKs are not materialised (no expressions, may point outside)
        StringBuilder script = new StringBuilder();
        for (Table table : tables) {
            for (String sql : SqlRenderer.createTable(table.withoutIndexesAndForeignKeys())) {
                script.append(sql).append(";\n");
            }
            for (Index index : table.indexes()) {
                script.append(SqlRenderer.createIndex(table.name(), index, false)).append(";\n");
            }
        }
        try {
            s.execute(script.toString());
        } catch (SQLException batchFailed) {
            // find the statement to blame, one at a time
            connection.rollback(before);
            before = connection.setSavepoint();
            for (Table table : tables) {
                execute(s, SqlRenderer.createTable(table.withoutIndexesAndForeignKeys()), table.name());
                for (Index index : table.indexes()) {
                    execute(s, List.of(SqlRenderer.createIndex(table.name(), index, false)), table.name() + " index " + index.name());
                }
            }
            throw batchFailed;
        }
        SchemaSnapshot read = new PgCatalogReader(connection).readTemporarySchema();
        connection.rollback(before);
        return read.tables();
    }

    private static Table withoutForeignKeys(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), List.of(), t.uniques(), t.checks(), t.indexes(), t.comment());
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); var rs = s.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            String schema = rs.getString(1);
            return schema == null ? "public" : schema;
        }
    }

    private static void execute(Statement s, List<String> statements, String what) {
        for (String sql : statements) {
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new DiffgenException(DiffgenException.ErrorCode.MODEL,
                        "the entity model's table " + what + " is not valid PostgreSQL: " + firstLine(e.getMessage()) + " in: " + oneLine(sql), e);
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ");
    }
}

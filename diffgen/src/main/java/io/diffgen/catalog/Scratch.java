package io.diffgen.catalog;

import io.diffgen.DiffgenException;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/**
 * Where the canonicalizer's steps let PostgreSQL parse the model: temporary objects in one
 * transaction that is always rolled back, and the side ({@code whose}: the entity model's or the
 * database's) an error is blamed on.
 */
final class Scratch {
    final Connection connection;
    final Statement statement;
    final String whose;

    Scratch(Connection connection, Statement statement, String whose) {
        this.connection = connection;
        this.statement = statement;
        this.whose = whose;
    }

    /**
     * {@code CREATE TEMP TABLE name (c1 ..., c2 ...)}, one column an item; if PostgreSQL refuses it, the
     * items are tried one by one so the error names the model column to blame.
     */
    void createColumnsTable(String name, List<String> items,
                                           java.util.function.Function<String, String> column,
                                           java.util.function.Function<String, String> blame) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE " + name + " (");
        for (int i = 0; i < items.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i + 1).append(' ').append(column.apply(items.get(i)));
        }
        Savepoint before = connection.setSavepoint();
        try {
            statement.execute(ddl.append(')').toString());
        } catch (SQLException e) {
            connection.rollback(before);
            if ("42501".equals(e.getSQLState())) { // insufficient_privilege: the user, not the model
                throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "the database user cannot create temporary tables ("
                        + firstLine(e.getMessage()) + "); diffgen puts the model into PostgreSQL's spelling in temporary tables that "
                        + "are always rolled back: GRANT TEMPORARY ON DATABASE to the user, or compare on another database", e);
            }
            for (String item : items) {
                Savepoint one = connection.setSavepoint();
                try {
                    statement.execute("CREATE TEMP TABLE diffgen_probe (c " + column.apply(item) + ")");
                } catch (SQLException bad) {
                    throw new DiffgenException(DiffgenException.ErrorCode.MODEL, blame.apply(item) + ": " + firstLine(bad.getMessage()), bad);
                } finally {
                    connection.rollback(one);
                }
            }
            throw e;
        }
    }

    /** Each distinct key of the model's columns, with the first column ({@code table.column}) that has it, in model order. */
    static Map<String, String> firstColumnWith(SchemaSnapshot model, java.util.function.Function<Column, Optional<String>> key) {
        Map<String, String> where = new LinkedHashMap<>();
        for (Table t : model.tables().values()) {
            for (Column c : t.columns()) {
                key.apply(c).ifPresent(k -> where.putIfAbsent(k, Identifiers.display(t.name()) + "." + c.name()));
            }
        }
        return where;
    }

    void execute(List<String> statements, String what) {
        for (String sql : statements) {
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new DiffgenException(DiffgenException.ErrorCode.MODEL,
                        what + " is not valid PostgreSQL: " + firstLine(e.getMessage()) + " in: " + oneLine(sql), e);
            }
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ");
    }
}

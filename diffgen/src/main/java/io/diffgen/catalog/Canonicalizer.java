package io.diffgen.catalog;

import io.diffgen.DiffgenException;
import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;

/**
 * Puts the entity model into PostgreSQL's own spelling by letting PostgreSQL parse it, inside a
 * transaction that is always rolled back: the distinct types and defaults of the model in two
 * temporary tables, and the tables with CHECKs or partial indexes created whole as temporary tables
 * and read back with the same {@link PgCatalogReader} that reads the database. Types, defaults, CHECK expressions and
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
        return canonicalize(connection, model, "the entity model's");
    }

    /** {@code whose} names the side an error is blamed on: the entity model, or the database being settled. */
    private static Result canonicalize(Connection connection, SchemaSnapshot model, String whose) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot start a transaction: " + e.getMessage(), e);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL search_path TO pg_temp, " + Identifiers.quote(PgCatalogReader.currentSchema(connection).orElse("public")));
            // the model's enum types, so its columns of them have a type PostgreSQL knows; rolled back with the rest
            for (EnumType type : model.enums().values()) {
                s.execute(SqlRenderer.createEnumType("pg_temp." + Identifiers.quote(type.name()), type.values()));
            }
            Map<String, String> types = canonicalTypes(connection, s, model, whose);
            Map<String, String> defaults = canonicalDefaults(connection, s, model, types, whose);

            // Only CHECKs and partial or expression indexes refer to columns: those tables are created
            // whole. PostgreSQL's deparse is not always a fixed point (an IN list on varchar gains casts
            // on the second round), so a table whose expressions changed goes round again until they
            // read back as written: then the script, the database and a re-creation carry one text.
            Map<String, Table> stable = new TreeMap<>();
            Map<String, Table> pending = new TreeMap<>();
            for (Table t : model.tables().values()) {
                if (needsWholeTable(t)) pending.put(t.name(), t);
                else stable.put(t.name(), respelled(t, types, defaults));
            }
            int rounds = 1;
            for (int round = 1; round <= MAX_ROUNDS && !pending.isEmpty(); round++) {
                rounds = round;
                Map<String, Table> read = materialise(connection, s, pending.values(), whose);
                Map<String, Table> next = new TreeMap<>();
                for (Table written : pending.values()) {
                    Table back = read.get(written.name());
                    if (round == MAX_ROUNDS || expressions(back).equals(expressions(written))) {
                        stable.put(back.name(), back);
                    } else {
                        next.put(back.name(), back);
                    }
                }
                pending = next;
            }
            List<Table> tables = new ArrayList<>();
            for (Table t : stable.values()) {
                Table given = model.tables().get(t.name());
                tables.add(new Table(t.name(), t.columns(), t.primaryKey(), given.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment(),
                        given.ownedSequences()));
            }
            return new Result(model.withTables(tables), rounds);
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
    private static Map<String, Table> materialise(Connection connection, Statement s, Collection<Table> tables, String whose) throws SQLException {
        // temporary tables all live in pg_temp: tables of one schema at a time, so equal names in two schemas cannot collide
        Map<String, Table> read = new TreeMap<>();
        Map<Optional<String>, List<Table>> bySchema = new LinkedHashMap<>();
        tables.forEach(t -> bySchema.computeIfAbsent(Identifiers.schemaOf(t.name()), k -> new ArrayList<>()).add(t));
        for (List<Table> group : bySchema.values()) {
            Map<String, Table> back = materialiseInTemporarySchema(connection, s, group, whose);
            for (Table t : group) {
                read.put(t.name(), back.get(Identifiers.nameOf(t.name())).withName(t.name()));
            }
        }
        return read;
    }

    private static Map<String, Table> materialiseInTemporarySchema(Connection connection, Statement s, List<Table> tables, String whose)
            throws SQLException {
        Savepoint before = connection.setSavepoint();
        // one round trip for the group; FKs are not materialised (no expressions, may point outside)
        StringBuilder script = new StringBuilder();
        for (Table table : tables) {
            for (String sql : SqlRenderer.createTable(bare(table))) {
                script.append(sql).append(";\n");
            }
            for (Index index : table.indexes()) {
                script.append(SqlRenderer.createIndex(Identifiers.nameOf(table.name()), index, false)).append(";\n");
            }
        }
        try {
            s.execute(script.toString());
        } catch (SQLException batchFailed) {
            // find the statement to blame, one at a time
            connection.rollback(before);
            before = connection.setSavepoint();
            for (Table table : tables) {
                String what = whose + " table " + Identifiers.display(table.name());
                execute(s, SqlRenderer.createTable(bare(table)), what);
                for (Index index : table.indexes()) {
                    execute(s, List.of(SqlRenderer.createIndex(Identifiers.nameOf(table.name()), index, false)), what + " index " + index.name());
                }
            }
            throw batchFailed;
        }
        SchemaSnapshot read = new PgCatalogReader(connection).readTemporarySchema();
        connection.rollback(before);
        return read.tables();
    }

    /** What a temporary copy of a table needs: its columns and own constraints; owned sequences already exist. */
    private static Table bare(Table table) {
        return table.withoutIndexesAndForeignKeys().withOwnedSequences(List.of()).withName(Identifiers.nameOf(table.name()));
    }

    /**
     * {@code CREATE TEMP TABLE name (c1 ..., c2 ...)}, one column an item; if PostgreSQL refuses it, the
     * items are tried one by one so the error names the model column to blame.
     */
    private static void createColumnsTable(Connection connection, Statement s, String name, List<String> items,
                                           java.util.function.Function<String, String> column,
                                           java.util.function.Function<String, String> blame) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE " + name + " (");
        for (int i = 0; i < items.size(); i++) {
            ddl.append(i == 0 ? "" : ", ").append("c").append(i + 1).append(' ').append(column.apply(items.get(i)));
        }
        Savepoint before = connection.setSavepoint();
        try {
            s.execute(ddl.append(')').toString());
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
                    s.execute("CREATE TEMP TABLE diffgen_probe (c " + column.apply(item) + ")");
                } catch (SQLException bad) {
                    throw new DiffgenException(DiffgenException.ErrorCode.MODEL, blame.apply(item) + ": " + firstLine(bad.getMessage()), bad);
                } finally {
                    connection.rollback(one);
                }
            }
            throw e;
        }
    }

    /**
     * The database side's expressions at the same fixed point as the model's. A database diffgen did
     * not create (Hibernate's DDL, a hand-written script) holds PostgreSQL's first deparse of the
     * source text; its tables whose expressions differ from the model's go through the same rounds,
     * so a mere spelling difference is not reported as a change. Tables that agree are not touched.
     */
    public static SchemaSnapshot settle(Connection connection, SchemaSnapshot database, SchemaSnapshot model) {
        Map<String, Table> unsettled = new TreeMap<>();
        for (Table t : database.tables().values()) {
            Table m = model.tables().get(t.name());
            if (m != null && !expressionsByName(t).equals(expressionsByName(m))) {
                unsettled.put(t.name(), t);
            }
        }
        if (unsettled.isEmpty()) {
            return database;
        }
        SchemaSnapshot settled = canonicalize(connection, SchemaSnapshot.of(unsettled.values(), List.of()), "the database's").schema();
        Map<String, Table> tables = new TreeMap<>(database.tables());
        tables.putAll(settled.tables());
        return database.withTables(tables.values());
    }

    /** The expressions of the objects two tables share by name, for comparing spellings. */
    private static Map<String, String> expressionsByName(Table t) {
        Map<String, String> all = new TreeMap<>();
        t.columns().forEach(c -> all.put("column " + c.name(), c.defaultExpression().orElse("")));
        t.checks().forEach(c -> all.put("check " + c.name(), c.expression()));
        t.indexes().forEach(i -> all.put("index " + i.name(), i.keys() + " " + i.where().orElse("")));
        return all;
    }

    /** A table is created whole only if something in it is an expression over its columns. */
    static boolean needsWholeTable(Table t) {
        if (!t.checks().isEmpty()) return true;
        for (Index i : t.indexes()) {
            if (i.where().isPresent() || !"btree".equals(i.method())) return true;
            for (Index.Key k : i.keys()) {
                if (t.columns().stream().noneMatch(c -> Identifiers.quote(c.name()).equals(k.expression()))) return true;
            }
        }
        return false;
    }

    /** Every text PostgreSQL may respell: defaults, CHECKs, index keys and predicates. Types are stable after one pass. */
    private static List<String> expressions(Table t) {
        List<String> all = new ArrayList<>();
        t.columns().forEach(c -> all.add(c.name() + "=" + c.defaultExpression().orElse("")));
        t.checks().forEach(c -> all.add(c.name() + ":" + c.expression()));
        t.indexes().forEach(i -> all.add(i.name() + ":" + i.keys() + " " + i.where().orElse("")));
        return all;
    }

    /** A table with plain columns and plain indexes: only its types and defaults need PostgreSQL's spelling. */
    private static Table respelled(Table t, Map<String, String> types, Map<String, String> defaults) {
        List<Column> columns = t.columns().stream().map(c -> {
            String type = types.get(c.type());
            Optional<String> def = c.defaultExpression().map(d -> defaults.get(type + "\u0000" + d));
            return new Column(c.name(), type, c.nullable(), def, c.identity(), c.comment());
        }).toList();
        return new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.comment());
    }

    /** Every distinct column type of the model, as format_type prints it: one temporary table, one column a type. */
    private static Map<String, String> canonicalTypes(Connection connection, Statement s, SchemaSnapshot model, String whose) throws SQLException {
        Map<String, String> where = new LinkedHashMap<>();
        for (Table t : model.tables().values()) {
            for (Column c : t.columns()) {
                where.putIfAbsent(c.type(), Identifiers.display(t.name()) + "." + c.name());
            }
        }
        List<String> raw = new ArrayList<>(where.keySet());
        Map<String, String> canonical = new LinkedHashMap<>();
        if (raw.isEmpty()) return canonical;
        Savepoint before = connection.setSavepoint();
        createColumnsTable(connection, s, "diffgen_types", raw, type -> type,
                type -> whose + " column " + where.get(type) + " has a type PostgreSQL does not know: '" + type + "'");
        try (var rs = s.executeQuery("SELECT attnum, format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'pg_temp.diffgen_types'::regclass AND attnum > 0 ORDER BY attnum")) {
            while (rs.next()) {
                canonical.put(raw.get(rs.getInt(1) - 1), Types.withoutDefaultPrecision(rs.getString(2)));
            }
        }
        connection.rollback(before);
        return canonical;
    }

    /**
     * Every distinct (type, default) pair, as pg_get_expr prints it, repeated until the text is a
     * fixed point. Keys are {@code canonicalType + '\0' + rawDefault}.
     */
    private static Map<String, String> canonicalDefaults(Connection connection, Statement s, SchemaSnapshot model,
                                                         Map<String, String> types, String whose) throws SQLException {
        Map<String, String> where = new LinkedHashMap<>();
        for (Table t : model.tables().values()) {
            for (Column c : t.columns()) {
                if (c.defaultExpression().isPresent()) {
                    where.putIfAbsent(types.get(c.type()) + "\u0000" + c.defaultExpression().get(), Identifiers.display(t.name()) + "." + c.name());
                }
            }
        }
        List<String> keys = new ArrayList<>(where.keySet());
        Map<String, String> current = new LinkedHashMap<>();
        keys.forEach(k -> current.put(k, k.substring(k.indexOf('\u0000') + 1)));
        if (keys.isEmpty()) return current;
        for (Sequence q : model.sequences().values()) {
            s.execute("CREATE TEMP SEQUENCE IF NOT EXISTS " + Identifiers.quote(Identifiers.nameOf(q.name())));
        }
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Savepoint before = connection.setSavepoint();
            createColumnsTable(connection, s, "diffgen_defaults", keys,
                    key -> key.substring(0, key.indexOf('\u0000')) + " DEFAULT " + current.get(key),
                    key -> whose + " column " + where.get(key) + " has a default PostgreSQL does not accept: '" + current.get(key) + "'");
            boolean changed = false;
            try (var rs = s.executeQuery("SELECT d.adnum, pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d "
                    + "WHERE d.adrelid = 'pg_temp.diffgen_defaults'::regclass ORDER BY d.adnum")) {
                while (rs.next()) {
                    String key = keys.get(rs.getInt(1) - 1);
                    changed |= !rs.getString(2).equals(current.put(key, rs.getString(2)));
                }
            }
            connection.rollback(before);
            if (!changed) break;
        }
        return current;
    }

    private static void execute(Statement s, List<String> statements, String what) {
        for (String sql : statements) {
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new DiffgenException(DiffgenException.ErrorCode.MODEL,
                        what + " is not valid PostgreSQL: " + firstLine(e.getMessage()) + " in: " + oneLine(sql), e);
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

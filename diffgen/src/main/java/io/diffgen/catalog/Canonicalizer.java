package io.diffgen.catalog;

import io.diffgen.DiffgenException;
import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;

/**
 * Puts the entity model into PostgreSQL's own spelling by letting PostgreSQL parse it, in a
 * {@link Scratch} transaction that is always rolled back, in named steps: {@link TypeSpelling} (the
 * distinct types, one temporary table), {@link DefaultSpelling} (the distinct defaults, one
 * temporary table, to their fixed point), {@link WholeTables} (the tables with CHECKs or partial or
 * expression indexes, created whole and read back with the same {@link PgCatalogReader} that reads
 * the database); {@link #settle} takes a database's own expressions to the same fixed point. Types, defaults, CHECK expressions and
 * index predicates then compare equal exactly when PostgreSQL considers them equal, and a model with
 * invalid SQL in it is reported before any script is written.
 */
public final class Canonicalizer {

    /** How often a step lets PostgreSQL respell an expression before taking its last reading. */
    static final int MAX_ROUNDS = 4;

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
            Scratch scratch = new Scratch(connection, s, whose);
            // and its composite types, read back for PostgreSQL's spelling of their attributes' types
            for (CompositeType type : model.compositesInDependencyOrder()) {
                scratch.execute(List.of(SqlRenderer.createCompositeType("pg_temp." + Identifiers.quote(type.name()), type)),
                        whose + " composite type " + type.name());
            }
            List<CompositeType> composites = model.composites().isEmpty() ? List.of()
                    : List.copyOf(new PgCatalogReader(connection).readTemporarySchema().composites().values());
            Map<String, String> types = TypeSpelling.of(scratch, model);
            Map<String, String> defaults = DefaultSpelling.of(scratch, model, types);
            Map<String, Table> stable = new TreeMap<>();
            List<Table> whole = new ArrayList<>();
            for (Table t : model.tables().values()) {
                if (WholeTables.needsWholeTable(t)) whole.add(t);
                else stable.put(t.name(), respelled(t, types, defaults));
            }
            WholeTables.Spelled spelled = WholeTables.respell(scratch, whole);
            stable.putAll(spelled.tables());
            int rounds = spelled.rounds();
            List<Table> tables = new ArrayList<>();
            for (Table t : stable.values()) {
                Table given = model.tables().get(t.name());
                tables.add(t.withForeignKeys(given.foreignKeys()).withOwnedSequences(given.ownedSequences()));
            }
            return new Result(model.withTables(tables).withComposites(composites), rounds);
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

    /** A table with plain columns and plain indexes: only its types and defaults need PostgreSQL's spelling. */
    private static Table respelled(Table t, Map<String, String> types, Map<String, String> defaults) {
        List<Column> columns = t.columns().stream().map(c -> {
            String type = types.get(c.type());
            Optional<String> def = c.defaultExpression().map(d -> defaults.get(type + "\u0000" + d));
            return new Column(c.name(), type, c.nullable(), def, c.identity(), c.comment());
        }).toList();
        return t.withColumns(columns);
    }
}

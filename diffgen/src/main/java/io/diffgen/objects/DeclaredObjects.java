package io.diffgen.objects;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.model.ModelException;
import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The declared database code as PostgreSQL would hold it: the model's tables it names (their columns only), then
 * Hibernate's own DDL for its {@code @View} entities and auxiliary database objects, then the
 * {@link ObjectsFolder}'s statements, made in a scratch schema, in one transaction that is always rolled
 * back, and read back by the same {@link ObjectCatalog} that reads the database. A file PostgreSQL refuses,
 * an object declared twice or one that reads a table the model does not have is said in one line, naming
 * the file.
 */
public final class DeclaredObjects {
    /** The scratch schema; a second diffgen comparing on the same database waits for the first one's rollback. */
    static final String SCRATCH = "diffgen_objects";

    private DeclaredObjects() {
    }

    /** The schemas of the database's extensions: on both sides' search paths, so their names print alike. */
    public static List<String> extensionSchemas(Connection c) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT DISTINCT n.nspname FROM pg_extension e JOIN pg_namespace n "
                + "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' AND n.nspname <> 'pg_catalog' ORDER BY 1")) {
            while (rs.next()) schemas.add(rs.getString(1));
        }
        return schemas;
    }

    /**
     * The objects {@code statements} declare, with {@code model} (the canonical schema, its names relative to
     * {@code own}) standing in for the database's own schema, and the {@link #extensionSchemas} on the search path.
     */
    public static ObjectCatalog.Read read(Connection c, String own, List<String> extensionSchemas, SchemaSnapshot model,
                                         List<ObjectsFolder.Statement> statements) {
        boolean autoCommit;
        try {
            autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot start a transaction: " + e.getMessage(), e);
        }
        try (Statement s = c.createStatement()) {
            createScratch(c, s);
            List<String> path = new ArrayList<>(List.of(SCRATCH));
            path.addAll(extensionSchemas);
            s.execute("SET LOCAL search_path TO " + String.join(", ", path.stream().map(Identifiers::quote).toList()));
            createTables(s, model, statements);
            Set<String> ownSchemas = Set.of(SCRATCH, own);
            Set<String> extensions = new LinkedHashSet<>();
            Map<String, String> declaredIn = new HashMap<>();
            Map<String, DbObject> seen = new HashMap<>();
            ObjectCatalog.Read read = null;
            for (int i = 0; i < statements.size(); i++) {
                ObjectsFolder.Statement statement = statements.get(i);
                statement.extension().ifPresent(extensions::add);
                execute(c, s, statement);
                boolean lastOfFile = i + 1 == statements.size() || !statements.get(i + 1).source().equals(statement.source());
                if (!lastOfFile) continue;
                read = ObjectCatalog.read(c, SCRATCH, path, ownSchemas, Optional.of(extensions));
                String file = statement.source();
                for (DbObject o : read.objects().values()) {
                    DbObject before = seen.put(o.key(), o);
                    if (before == null) {
                        declaredIn.put(o.key(), file);
                    } else if (!before.definition().equals(o.definition())) {
                        throw new ModelException(file + ": declares " + o.key() + ", which " + declaredIn.get(o.key())
                                + " declares already: keep one declaration per object");
                    }
                }
            }
            if (read == null) read = ObjectCatalog.read(c, SCRATCH, path, ownSchemas, Optional.of(extensions));
            refuseIndexesOnTables(s);
            for (DbObject o : read.objects().values()) {
                for (String dependency : o.dependsOn()) {
                    String table = DbObject.tableRead(dependency).orElse("");
                    if (read.outsideTables().contains(table) && Identifiers.schemaOf(table).equals(Optional.of(own))) {
                        throw new ModelException(declaredIn.get(o.key()) + ": " + o.key() + " reads " + Identifiers.display(table) + ", which is not a table "
                                + "of the entity model (name the model's tables without their schema)");
                    }
                }
            }
            return read;
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot make the declared database code: " + firstLine(e.getMessage()), e);
        } finally {
            try {
                c.rollback();
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is unusable; the caller's next statement reports it
            }
        }
    }

    private static void createScratch(Connection c, Statement s) throws SQLException {
        try {
            s.execute("CREATE SCHEMA " + SCRATCH);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw new DiffgenException(ErrorCode.DATABASE, "the database user cannot create a schema (" + firstLine(e.getMessage())
                        + "); diffgen reads the declared database code back from a scratch schema that is always rolled back: "
                        + "GRANT CREATE ON DATABASE to the user, or compare on another database", e);
            }
            throw e;
        }
    }

    /**
     * The model's enum and composite types, and those of its tables of the own schema (columns only) whose
     * names the declared code spells: what it may read. A name in a comment or a string only makes a table
     * more; a model of a thousand tables is not made whole for code that reads three.
     */
    private static void createTables(Statement s, SchemaSnapshot model, List<ObjectsFolder.Statement> statements) throws SQLException {
        Set<String> spelled = new java.util.HashSet<>();
        statements.forEach(statement -> spelled.addAll(Identifiers.spelledIn(statement.sql())));
        for (EnumType type : model.enums().values()) {
            s.execute(SqlRenderer.createEnumType(Identifiers.quote(type.name()), type.values()));
        }
        for (CompositeType type : model.compositesInDependencyOrder()) {
            s.execute(SqlRenderer.createCompositeType(Identifiers.quote(type.name()), type));
        }
        // in one round trip
        String tables = model.tables().values().stream().filter(t -> Identifiers.schemaOf(t.name()).isEmpty() && spelled.contains(t.name()))
                .map(t -> "CREATE TABLE " + Identifiers.quote(t.name()) + " (" + t.columns().stream()
                        .map(col -> Identifiers.quote(col.name()) + " " + col.type()).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(";\n"));
        if (!tables.isEmpty()) s.execute(tables);
    }

    /** Runs one declared statement; an extension the database has already is no error. */
    private static void execute(Connection c, Statement s, ObjectsFolder.Statement statement) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            s.execute(statement.sql());
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            c.rollback(before);
            if (statement.extension().isPresent() && "42710".equals(e.getSQLState())) return; // duplicate_object: installed already
            throw new ModelException(where(statement, e) + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The file and line PostgreSQL's error points at, or where the statement starts. */
    private static String where(ObjectsFolder.Statement statement, SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getPosition() > 0) {
            int position = Math.min(p.getServerErrorMessage().getPosition() - 1, statement.sql().length());
            int lines = (int) statement.sql().substring(0, position).chars().filter(ch -> ch == '\n').count();
            return statement.source() + ":" + (statement.line() + lines);
        }
        return statement.where();
    }

    /** An index on one of the model's tables belongs in the entities, where Hibernate and diffgen see it. */
    private static void refuseIndexesOnTables(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT x.relname, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid "
                + "JOIN pg_class x ON x.oid = i.indexrelid WHERE c.relnamespace = '" + SCRATCH + "'::regnamespace AND c.relkind IN ('r', 'p') LIMIT 1")) {
            if (rs.next()) {
                throw new ModelException("migrations/objects creates index " + rs.getString(1) + " on table " + rs.getString(2)
                        + ": a table's indexes belong in its entity (@Index, @Table(indexes = ...)); only a materialized view's go in migrations/objects");
            }
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}

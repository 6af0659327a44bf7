package io.diffgen;

import io.diffgen.catalog.Canonicalizer;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.UniqueConstraint;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;
import io.diffgen.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** Reading and comparing whole catalogs in tests. */
public final class Catalogs {
    private Catalogs() {
    }

    /** Every schema of the database but PostgreSQL's own: what a revision left anywhere is seen. */
    public static SchemaSnapshot read(TestDatabase db) {
        try (Connection c = db.connect()) {
            return readAll(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SchemaSnapshot readAll(Connection c) throws SQLException {
        List<String> schemas = new java.util.ArrayList<>();
        try (java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                     + "AND nspname <> 'information_schema'")) {
            while (rs.next()) schemas.add(rs.getString(1));
        }
        return new PgCatalogReader(c).readSchemas(schemas);
    }

    /**
     * Every function, view, trigger, index on a materialized view, policy and extension of the public
     * schema, with their comments and privileges, as PostgreSQL prints them: read by the test's own queries, not diffgen's.
     */
    public static String code(TestDatabase db) {
        String sql = """
                SELECT 'function ' || p.oid::regprocedure || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), '') || ' '
                       || coalesce(p.proacl::text, '') || E'\\n' || pg_get_functiondef(p.oid)
                FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'relation ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(obj_description(c.oid, 'pg_class'), '')
                       || coalesce(array_to_string(c.reloptions, ','), '') || ' ' || coalesce(c.relacl::text, '') || E'\\n' || pg_get_viewdef(c.oid)
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm')
                UNION ALL
                SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text FROM pg_trigger t WHERE NOT t.tgisinternal
                UNION ALL
                SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relkind = 'm'
                UNION ALL
                SELECT 'policy ' || concat_ws(' ', policyname, tablename, permissive, roles::text, cmd, qual, with_check) FROM pg_policies
                UNION ALL
                SELECT 'extension ' || extname || ' ' || extnamespace::regnamespace FROM pg_extension
                ORDER BY 1
                """;
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.append(rs.getString(1)).append('\n');
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * DATABASECHANGELOG as two runs of the same range must leave it: every column but the time, the
     * deployment id and the order, in order of execution.
     */
    public static List<String> trackingRows(TestDatabase db) {
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT id, author, filename, exectype, md5sum, description, comments, liquibase "
                     + "FROM databasechangelog ORDER BY orderexecuted, id")) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= 8; i++) row.append(rs.getString(i)).append('|');
                rows.add(row.toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /**
     * The catalog with its expressions at PostgreSQL's fixed point: a CHECK written by another tool
     * holds PostgreSQL's first deparse of its source text, diffgen's scripts the text that deparses
     * to itself ({@code 'a'::character varying::text} for {@code 'a'::character varying}); the same
     * expression either way.
     */
    public static SchemaSnapshot atFixedPoint(TestDatabase db) {
        try (Connection c = db.connect()) {
            return Canonicalizer.canonicalize(c, readAll(c));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The snapshot with columns in name order: a column re-added by a downgrade lands at the end of
     * the table, which PostgreSQL cannot avoid and no query can see.
     */
    public static SchemaSnapshot ignoringColumnOrder(SchemaSnapshot s) {
        List<Table> tables = s.tables().values().stream().map(t -> new Table(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(),
                t.primaryKey(), sortedByString(t.foreignKeys()), sortedByString(t.uniques()), sortedByString(t.checks()),
                sortedByString(t.indexes()), t.comment(), t.ownedSequences(), t.storage())).toList();
        return s.withTables(tables);
    }

    /**
     * The snapshot with every constraint and index name blanked and members sorted: two catalogs of
     * one model made by different tools agree here when they differ only in generated names and in
     * column order.
     */
    public static SchemaSnapshot byDefinition(SchemaSnapshot s) {
        List<Table> tables = s.tables().values().stream().map(t -> new Table(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(),
                t.primaryKey().map(pk -> new PrimaryKey("", pk.columns())),
                sortedByString(t.foreignKeys().stream().map(fk -> fk.withName("")).toList()),
                sortedByString(t.uniques().stream().map(u -> new UniqueConstraint("", u.columns())).toList()),
                sortedByString(t.checks().stream().map(c -> new CheckConstraint("", c.expression())).toList()),
                sortedByString(t.indexes().stream().map(i -> i.withName("")).toList()), t.comment(), t.ownedSequences(),
                t.storage())).toList();
        return s.withTables(tables);
    }

    private static <T> List<T> sortedByString(List<T> items) {
        return items.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}

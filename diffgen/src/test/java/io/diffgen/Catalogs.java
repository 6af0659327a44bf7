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

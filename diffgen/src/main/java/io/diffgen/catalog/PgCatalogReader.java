package io.diffgen.catalog;

import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Column;
import io.diffgen.snapshot.CompositeType;
import io.diffgen.snapshot.EnumType;
import io.diffgen.snapshot.ForeignKey;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.OwnedSequence;
import io.diffgen.snapshot.PrimaryKey;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.Table;
import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.UniqueConstraint;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.Collection;

/**
 * Reads the connection's own schema of a live PostgreSQL, and the other schemas it is given, through
 * {@code pg_catalog}: eight set-based queries for the own schema (one finds it), six more for each other one
 * (and one to find it), whatever the number of tables; an FK into a table of a schema not being read costs one
 * query more, for that table's column names. Types come from {@code format_type}, expressions from {@code pg_get_expr} and
 * {@code pg_get_constraintdef}, so they are PostgreSQL's canonical spelling.
 */
public final class PgCatalogReader {
    /** Liquibase's tracking tables; never part of the user's schema. */
    public static final Set<String> TRACKING_TABLES = Set.of("databasechangelog", "databasechangeloglock");

    private static final String TABLES = """
            SELECT c.oid, c.relname, obj_description(c.oid, 'pg_class'),
                   coalesce(c.reloptions, '{}') || coalesce(ARRAY(SELECT 'toast.' || o FROM pg_class t, unnest(t.reloptions) AS o
                                                               WHERE t.oid = c.reltoastrelid), '{}')
            FROM pg_class c
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
            """;

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid, true), a.attidentity, col_description(a.attrelid, a.attnum)
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    private static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype, con.conkey::int2[], fc.relname, con.confkey::int2[],
                   con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true), con.confrelid,
                   fc.relnamespace, fn.nspname
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE c.relnamespace = ? AND con.contype IN ('p', 'u', 'f', 'c')
            ORDER BY con.conrelid, con.conname
            """;

    // Per key: the definition, and the collation and operator class only where they are not the
    // default (pg_get_indexdef prints neither for a single column); INCLUDE columns follow the keys.
    private static final String INDEXES = """
            SELECT i.indrelid, ic.relname, i.indisunique, i.indkey::int2[], i.indoption::int2[],
                   pg_get_expr(i.indpred, i.indrelid, true), am.amname,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k),
                   ARRAY(SELECT CASE WHEN opc.opcdefault THEN NULL
                                     WHEN pg_opclass_is_visible(opc.oid) THEN quote_ident(opc.opcname)
                                     ELSE quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) END
                         FROM generate_subscripts(i.indclass, 1) AS k
                         JOIN pg_opclass opc ON opc.oid = i.indclass[k]
                         JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
                         ORDER BY k),
                   ARRAY(SELECT CASE WHEN i.indcollation[k] = 0 OR i.indkey[k] = 0
                                       OR i.indcollation[k] = (SELECT a.attcollation FROM pg_attribute a
                                                               WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k])
                                     THEN NULL
                                     ELSE (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
                                           FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                           WHERE co.oid = i.indcollation[k]) END
                         FROM generate_series(0, i.indnkeyatts - 1) AS k ORDER BY k),
                   i.indnkeyatts, coalesce(ic.reloptions, '{}')
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE c.relnamespace = ? AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                              WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
            ORDER BY i.indrelid, ic.relname
            """;

    // Free sequences, and those owned by a column (serial); identity sequences belong to their column.
    private static final String SEQUENCES = """
            SELECT c.relname, s.seqstart, s.seqincrement, d.refobjid, d.refobjsubid, format_type(s.seqtypid, NULL)
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
                                 AND d.refclassid = 'pg_class'::regclass
            WHERE c.relnamespace = ?
              AND NOT EXISTS (SELECT 1 FROM pg_depend i
                              WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i')
            ORDER BY c.relname
            """;

    // Enum types the schema's own (an extension's are left to it), labels in sort order, and whether
    // both implicit varchar casts Hibernate creates beside a NAMED_ENUM type exist.
    private static final String ENUMS = """
            SELECT t.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                   EXISTS (SELECT 1 FROM pg_cast WHERE castsource = 'character varying'::regtype AND casttarget = t.oid)
                   AND EXISTS (SELECT 1 FROM pg_cast WHERE castsource = t.oid AND casttarget = 'character varying'::regtype)
            FROM pg_type t
            WHERE t.typnamespace = ? AND t.typtype = 'e'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            ORDER BY t.typname
            """;

    // Composite types of the schema's own (not a table's row type, not an extension's), attributes in order.
    private static final String COMPOSITES = """
            SELECT t.typname,
                   ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum),
                   ARRAY(SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum)
            FROM pg_type t
            JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
            WHERE t.typnamespace = ? AND t.typtype = 'c'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
            ORDER BY t.typname
            """;

    private final Connection connection;
    private int queries;

    public PgCatalogReader(Connection connection) {
        this.connection = connection;
    }

    /** The connection's own schema (the first existing one on its search_path), if it has one. */
    public static Optional<String> currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_schema()"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /**
     * What uses an enum type besides its casts and the columns (and column defaults) of the tables
     * diffgen manages (in the database's own schema and the model's others), which a re-creation
     * converts; and the views and rules that read such a column, which would block the conversion.
     */
    private static final String OTHER_ENUM_DEPENDENTS = """
            WITH managed AS (SELECT oid FROM pg_class WHERE relkind IN ('r', 'p')
                             AND relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname = current_schema() OR nspname = ANY (?))),
                 -- the type and its array type: an orderstatus[] column depends on the second
                 types AS (SELECT t.oid FROM pg_type t WHERE t.oid = to_regtype(?)
                           UNION SELECT t.typarray FROM pg_type t WHERE t.oid = to_regtype(?) AND t.typarray <> 0)
            SELECT pg_describe_object(d.classid, d.objid, d.objsubid)
            FROM pg_depend d
            WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (SELECT oid FROM types) AND d.deptype = 'n'
              AND d.classid <> 'pg_cast'::regclass
              AND NOT (d.classid = 'pg_class'::regclass AND d.objsubid > 0 AND d.objid IN (SELECT oid FROM managed))
              AND NOT (d.classid = 'pg_attrdef'::regclass
                       AND EXISTS (SELECT 1 FROM pg_attrdef a WHERE a.oid = d.objid AND a.adrelid IN (SELECT oid FROM managed)))
            UNION
            SELECT pg_describe_object(d.classid, d.objid, d.objsubid)
            FROM pg_depend d
            JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
            WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND a.atttypid IN (SELECT oid FROM types)
            ORDER BY 1
            """;

    /** What {@link #OTHER_ENUM_DEPENDENTS} finds for the enum type {@code name}, described by PostgreSQL ({@code pg_describe_object}). */
    public static List<String> otherEnumDependents(Connection connection, String name, Collection<String> schemas) throws SQLException {
        List<String> others = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(OTHER_ENUM_DEPENDENTS)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            ps.setString(2, Identifiers.quote(name));
            ps.setString(3, Identifiers.quote(name));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) others.add(rs.getString(1));
            }
        }
        return others;
    }

    /**
     * The views and materialized views of the connection's own schema (plain names) and of {@code others}
     * ({@link Identifiers#qualified qualified} keys): an entity mapped onto one reads it, and is no table.
     */
    public static Set<String> viewNames(Connection connection, Collection<String> others) throws SQLException {
        Set<String> views = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT CASE WHEN n.nspname = current_schema() THEN NULL ELSE n.nspname END, c.relname
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('v', 'm') AND (n.nspname = current_schema() OR n.nspname = ANY (?))
                """)) {
            ps.setArray(1, connection.createArrayOf("text", others.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) views.add(Identifiers.qualified(rs.getString(1), rs.getString(2)));
            }
        }
        return views;
    }

    /** The server's {@code version()}: its version, platform and compiler, which a canonical spelling is only valid for. */
    public static String serverVersion(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT version()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The schema the connection creates objects in by default. */
    public SchemaSnapshot readCurrentSchema() throws SQLException {
        return readSchemas(List.of());
    }

    /**
     * The connection's own schema, and those of {@code others} that exist: their tables and sequences
     * keyed by {@link Identifiers#qualified schema and name}. Enum and composite types are read in the own schema only.
     */
    public SchemaSnapshot readSchemas(Collection<String> others) throws SQLException {
        return withoutJit(() -> readSchemasWithJitOff(others));
    }

    private SchemaSnapshot readSchemasWithJitOff(Collection<String> others) throws SQLException {
        long current = namespaceOid("SELECT oid FROM pg_namespace WHERE nspname = current_schema()");
        SchemaSnapshot own = read(current, null, current);
        List<Table> tables = new ArrayList<>(own.tables().values());
        List<Sequence> sequences = new ArrayList<>(own.sequences().values());
        Set<String> existing = new TreeSet<>();
        for (String schema : new TreeSet<>(others)) {
            Optional<Long> namespace = namespaceOf(schema);
            if (namespace.isEmpty() || namespace.get() == current) continue;
            existing.add(schema);
            SchemaSnapshot read = read(namespace.get(), schema, current);
            tables.addAll(read.tables().values());
            sequences.addAll(read.sequences().values());
        }
        return SchemaSnapshot.of(tables, sequences, own.enums().values(), existing, own.composites().values());
    }

    /** This session's temporary schema (used to canonicalise the entity model). */
    public SchemaSnapshot readTemporarySchema() throws SQLException {
        return withoutJit(() -> {
            long temp = namespaceOid("SELECT pg_my_temp_schema()");
            return read(temp, null, temp);
        });
    }

    private interface Read<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code read} with the session's JIT off, then puts the session's setting back (the
     * connection may be an application's pooled one). A stock server (Debian's, most managed ones)
     * has JIT on and spends seconds compiling these catalog joins on a large schema, which run in a
     * fraction of that without it; servers without JIT support report it off already.
     */
    private <T> T withoutJit(Read<T> read) throws SQLException {
        String jit;
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_setting('jit', true)"); ResultSet rs = ps.executeQuery()) {
            jit = rs.next() ? rs.getString(1) : null;
        }
        if (jit == null || jit.equals("off")) {
            return read.run();
        }
        setJit("off");
        SQLException failed = null;
        try {
            return read.run();
        } catch (SQLException e) {
            failed = e;
            throw e;
        } finally {
            try {
                setJit(jit);
            } catch (SQLException e) {
                // an aborted transaction refuses it, and puts the setting back itself when it rolls back
                if (failed != null) failed.addSuppressed(e);
                else throw e;
            }
        }
    }

    private void setJit(String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT set_config('jit', ?, false)")) {
            ps.setString(1, value);
            ps.execute();
        }
    }

    private Optional<Long> namespaceOf(String schema) throws SQLException {
        queries++;
        try (PreparedStatement ps = connection.prepareStatement("SELECT oid FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private long namespaceOid(String sql) throws SQLException {
        queries++;
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || rs.getLong(1) == 0) {
                throw new SQLException("no such schema (" + sql + "); check the search_path");
            }
            return rs.getLong(1);
        }
    }

    /** One schema; keys qualified by {@code schema}, or plain where it is null (the own or the temporary schema). */
    private SchemaSnapshot read(long namespace, String schema, long current) throws SQLException {
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(TABLES, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                if (schema != null || !TRACKING_TABLES.contains(name)) {
                    tables.put(rs.getLong(1), new TableBuilder(Identifiers.qualified(schema, name), rs.getString(3),
                            sorted(rs.getArray(4))));
                }
            }
        }
        try (PreparedStatement ps = prepare(COLUMNS, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getLong(1));
                if (t == null) continue;
                String identity = rs.getString(7);
                Column.Identity id = switch (identity == null ? "" : identity) {
                    case "a" -> Column.Identity.ALWAYS;
                    case "d" -> Column.Identity.BY_DEFAULT;
                    default -> Column.Identity.NONE;
                };
                t.attnames.put(rs.getInt(2), rs.getString(3));
                t.columns.add(new Column(rs.getString(3), Types.withoutDefaultPrecision(rs.getString(4)), !rs.getBoolean(5),
                        Optional.ofNullable(rs.getString(6)), id, Optional.ofNullable(rs.getString(8))));
            }
        }
        Map<Long, Map<Integer, String>> attnamesByTable = new HashMap<>();
        tables.forEach((oid, t) -> attnamesByTable.put(oid, t.attnames));
        try (PreparedStatement ps = prepare(CONSTRAINTS, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getLong(1));
                if (t == null) continue;
                String name = rs.getString(2);
                List<String> columns = names(t.attnames, rs.getArray(4));
                String definition = rs.getString(9);
                switch (rs.getString(3)) {
                    case "p" -> t.primaryKey = new PrimaryKey(name, columns);
                    case "u" -> t.uniques.add(new UniqueConstraint(name, columns));
                    case "c" -> t.checks.add(new CheckConstraint(name, checkExpression(definition)));
                    case "f" -> {
                        Map<Integer, String> referenced = attnamesByTable.get(rs.getLong(10));
                        if (referenced == null) {
                            referenced = attnamesOf(rs.getLong(10));
                        }
                        String referencedTable = rs.getLong(11) == current ? rs.getString(5) : Identifiers.qualified(rs.getString(12), rs.getString(5));
                        t.foreignKeys.add(new ForeignKey(name, columns, referencedTable, names(referenced, rs.getArray(6)),
                                ForeignKey.Action.fromCatalogCode(rs.getString(7).charAt(0)),
                                ForeignKey.Action.fromCatalogCode(rs.getString(8).charAt(0))));
                    }
                    default -> throw new IllegalStateException("unexpected constraint type");
                }
            }
        }
        try (PreparedStatement ps = prepare(INDEXES, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder t = tables.get(rs.getLong(1));
                if (t == null) continue;
                Short[] attnums = (Short[]) rs.getArray(4).getArray();
                Short[] options = (Short[]) rs.getArray(5).getArray();
                String[] definitions = (String[]) rs.getArray(8).getArray();
                String[] opclasses = (String[]) rs.getArray(9).getArray();
                String[] collations = (String[]) rs.getArray(10).getArray();
                List<Index.Key> keys = new ArrayList<>();
                for (int k = 0; k < definitions.length; k++) {
                    String expression = attnums[k] != 0 ? Identifiers.quote(t.attnames.get((int) attnums[k])) : definitions[k];
                    boolean descending = (options[k] & 1) != 0;
                    boolean nullsFirst = (options[k] & 2) != 0;
                    keys.add(new Index.Key(expression, descending, nullsFirst, Optional.ofNullable(collations[k]), Optional.ofNullable(opclasses[k])));
                }
                List<String> include = new ArrayList<>();
                for (int k = rs.getInt(11); k < attnums.length; k++) {
                    include.add(t.attnames.get((int) attnums[k]));
                }
                t.indexes.add(new Index(rs.getString(2), keys, rs.getBoolean(3), Optional.ofNullable(rs.getString(6)), rs.getString(7), include,
                        sorted(rs.getArray(12))));
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        try (PreparedStatement ps = prepare(SEQUENCES, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Sequence sequence = new Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3));
                TableBuilder owner = rs.getObject(4) == null ? null : tables.get(rs.getLong(4));
                if (rs.getObject(4) == null) {
                    sequences.add(new Sequence(Identifiers.qualified(schema, sequence.name()), sequence.start(), sequence.increment()));
                } else if (owner != null) {
                    owner.ownedSequences.add(new OwnedSequence(owner.attnames.get(rs.getInt(5)), sequence, rs.getString(6)));
                }
            }
        }
        List<EnumType> enums = new ArrayList<>();
        if (schema == null) try (PreparedStatement ps = prepare(ENUMS, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                enums.add(new EnumType(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()), rs.getBoolean(3)));
            }
        }
        List<CompositeType> composites = new ArrayList<>();
        if (schema == null) try (PreparedStatement ps = prepare(COMPOSITES, namespace); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String[] names = (String[]) rs.getArray(2).getArray();
                String[] types = (String[]) rs.getArray(3).getArray();
                List<CompositeType.Attribute> attributes = new ArrayList<>();
                for (int a = 0; a < names.length; a++) {
                    attributes.add(new CompositeType.Attribute(names[a], Types.withoutDefaultPrecision(types[a])));
                }
                composites.add(new CompositeType(rs.getString(1), attributes));
            }
        }
        return SchemaSnapshot.of(tables.values().stream().map(TableBuilder::build).toList(), sequences, enums).withComposites(composites);
    }

    /** Attribute names of a table outside the schema being read (an FK into another schema). */
    private Map<Integer, String> attnamesOf(long relation) throws SQLException {
        queries++;
        Map<Integer, String> names = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT attnum, attname FROM pg_attribute WHERE attrelid = ? AND attnum > 0")) {
            ps.setLong(1, relation);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return names;
    }

    /** Catalog queries sent so far: a constant number per schema read, whatever the number of tables (FKs into unread schemas aside). */
    public int queries() {
        return queries;
    }

    private PreparedStatement prepare(String sql, long namespace) throws SQLException {
        queries++;
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setLong(1, namespace);
        return ps;
    }

    private static List<String> names(Map<Integer, String> attnames, Array attnums) throws SQLException {
        if (attnums == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Short n : (Short[]) attnums.getArray()) {
            names.add(attnames.get((int) n));
        }
        return names;
    }

    /** Storage parameters in name order: PostgreSQL keeps them in the order they were last set. */
    private static List<String> sorted(Array reloptions) throws SQLException {
        return java.util.Arrays.stream((String[]) reloptions.getArray()).sorted().toList();
    }

    /** {@code CHECK (expr)} or {@code CHECK (expr) NOT VALID} to {@code expr}. */
    static String checkExpression(String definition) {
        String d = definition.strip();
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length());
        }
        if (d.endsWith(" NO INHERIT")) {
            d = d.substring(0, d.length() - " NO INHERIT".length());
        }
        if (!d.startsWith("CHECK (") || !d.endsWith(")")) {
            throw new IllegalStateException("unexpected check definition: " + definition);
        }
        return d.substring("CHECK (".length(), d.length() - 1);
    }

    private static final class TableBuilder {
        final String name;
        final String comment;
        final Map<Integer, String> attnames = new HashMap<>();
        final List<Column> columns = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<OwnedSequence> ownedSequences = new ArrayList<>();
        final List<String> storage;
        PrimaryKey primaryKey;

        TableBuilder(String name, String comment, List<String> storage) {
            this.name = name;
            this.comment = comment;
            this.storage = storage;
        }

        Table build() {
            return new Table(name, columns, Optional.ofNullable(primaryKey), foreignKeys, uniques, checks, indexes, Optional.ofNullable(comment),
                    ownedSequences, storage);
        }
    }
}

package io.diffgen.objects;

import io.diffgen.objects.DbObject.Kind;
import io.diffgen.snapshot.Identifiers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the database code of one schema back from PostgreSQL's catalog, as PostgreSQL prints it
 * ({@code pg_get_functiondef}, {@code pg_get_viewdef}, {@code pg_get_triggerdef}, {@code pg_get_indexdef},
 * {@code pg_policy}, {@code pg_extension}), with the names of the schema's own objects written without
 * it: the one reader for the database and for the declared objects made in a scratch schema, so the two
 * compare equal exactly when PostgreSQL sees the same objects. An extension's own members are its, not
 * the schema's.
 */
public final class ObjectCatalog {
    private ObjectCatalog() {
    }

    /** The objects of a schema, by {@link DbObject#key()}, and the tables ({@code schema.table}) outside it that they read. */
    public record Read(SortedMap<String, DbObject> objects, Set<String> outsideTables) {
    }

    private static final String NOT_AN_EXTENSION_MEMBER =
            " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '%s'::regclass AND e.objid = %s AND e.deptype = 'e')";

    /** The GRANTs an ACL holds but the owner's own, with {@code @} where the object's name goes: see {@link #grants}. */
    private static String grantsOf(String acl, String owner) {
        return """
                ARRAY(SELECT format('GRANT %s ON @ TO %s%s', a.privilege_type,
                        CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                        CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END)
                      FROM aclexplode(ACL) a WHERE a.grantee <> OWNER ORDER BY a.grantee, a.privilege_type)"""
                .replace("ACL", acl).replace("OWNER", owner);
    }

    private static final String FUNCTIONS = """
            SELECT p.oid, p.proname, '(' || oidvectortypes(p.proargtypes) || ')', pg_get_functiondef(p.oid),
                   coalesce(pg_get_function_result(p.oid), '') || ' ' || pg_get_function_arguments(p.oid), p.prokind, p.prosecdef AND NOT EXISTS
                     (SELECT 1 FROM unnest(p.proconfig) AS s WHERE s LIKE 'search\\_path=%'), obj_description(p.oid, 'pg_proc'),
                   p.pronamespace::regnamespace::text, p.proacl IS NOT NULL, """ + grantsOf("p.proacl", "p.proowner") + """
            FROM pg_proc p WHERE p.pronamespace = ?::regnamespace AND p.prokind IN ('f', 'p')""" + NOT_AN_EXTENSION_MEMBER.formatted("pg_proc", "p.oid");

    private static final String VIEWS = """
            SELECT c.oid, c.relname, c.relkind, pg_get_viewdef(c.oid, true), coalesce(array_to_string(c.reloptions, ', '), ''),
                   obj_description(c.oid, 'pg_class'),
                   (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                    FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
                   c.relacl IS NOT NULL, """ + grantsOf("c.relacl", "c.relowner") + """
            FROM pg_class c WHERE c.relnamespace = ?::regnamespace AND c.relkind IN ('v', 'm')""" + NOT_AN_EXTENSION_MEMBER.formatted("pg_class", "c.oid");

    private static final String TRIGGERS = """
            SELECT t.oid, t.tgname, c.relname, pg_get_triggerdef(t.oid, true), obj_description(t.oid, 'pg_trigger'), t.tgenabled
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relnamespace = ?::regnamespace AND NOT t.tgisinternal AND t.tgparentid = 0""" // a partition's copy is its parent's
            + NOT_AN_EXTENSION_MEMBER.formatted("pg_class", "c.oid");

    private static final String POLICIES = """
            SELECT p.oid, p.polname, c.relname, p.polpermissive, p.polcmd,
                   CASE WHEN p.polroles = '{0}' THEN 'PUBLIC'
                        ELSE (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY (p.polroles)) END,
                   pg_get_expr(p.polqual, p.polrelid, true), pg_get_expr(p.polwithcheck, p.polrelid, true), obj_description(p.oid, 'pg_policy')
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relnamespace = ?::regnamespace""";

    private static final String MATERIALIZED_VIEW_INDEXES = """
            SELECT i.indexrelid, x.relname, c.relname, pg_get_indexdef(i.indexrelid, 0, true), obj_description(i.indexrelid, 'pg_class')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid
            WHERE c.relnamespace = ?::regnamespace AND c.relkind = 'm'""";

    private static final String EXTENSIONS = """
            SELECT e.oid, e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            WHERE e.extname <> 'plpgsql'""";

    /**
     * What each object reads: a view's rule, a trigger's, a policy's, an index's or a function's
     * dependencies on relations, their columns and functions, named, with the schema of each relation.
     */
    private static final String DEPENDENCIES = """
            SELECT CASE WHEN d.classid = 'pg_rewrite'::regclass THEN (SELECT w.ev_class FROM pg_rewrite w WHERE w.oid = d.objid) ELSE d.objid END,
                   d.refobjid, n.nspname, r.relname, r.relkind, a.attname
            FROM pg_depend d
            LEFT JOIN pg_class r ON d.refclassid = 'pg_class'::regclass AND r.oid = d.refobjid
            LEFT JOIN pg_namespace n ON n.oid = r.relnamespace
            LEFT JOIN pg_attribute a ON d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                        AND d.refobjsubid > 0
            WHERE d.classid IN ('pg_rewrite'::regclass, 'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_proc'::regclass, 'pg_class'::regclass)
              AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass) AND d.deptype IN ('n', 'a')
              AND (d.objid = ANY (?::oid[]) OR d.classid = 'pg_rewrite'::regclass AND d.objid IN (SELECT w.oid FROM pg_rewrite w WHERE w.ev_class = ANY (?::oid[])))""";

    /**
     * The objects of {@code schema}, read with {@code searchPath} (the schema first) so that names it finds
     * are printed without a schema; {@code ownSchemas} are the names the schema goes by (a scratch schema
     * stands for the database's own): a definition names none of them, and an extension in one of them is
     * in the default schema. With {@code extensions} given, only those extensions are read.
     */
    public static Read read(Connection c, String schema, List<String> searchPath, Set<String> ownSchemas, Optional<Set<String>> extensions)
            throws SQLException {
        String before;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
            rs.next();
            before = rs.getString(1);
        }
        setSearchPath(c, String.join(", ", searchPath.stream().map(Identifiers::quote).toList()));
        Read read = readObjects(c, schema, ownSchemas, extensions);
        // not in a finally: after a failed query the transaction refuses it, and its error would hide the first
        setSearchPath(c, before);
        return read;
    }

    private static void setSearchPath(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, false)")) {
            ps.setString(1, path);
            ps.executeQuery().close();
        }
    }

    private record Found(long oid, DbObject object) {
    }

    private static Read readObjects(Connection c, String schema, Set<String> ownSchemas, Optional<Set<String>> extensions) throws SQLException {
        List<Found> found = new ArrayList<>();
        String namespace = Identifiers.quote(schema);
        query(c, FUNCTIONS, namespace, rs -> {
            Kind kind = "p".equals(rs.getString(6)) ? Kind.PROCEDURE : Kind.FUNCTION;
            // pg_get_functiondef always names the schema, spelled as regnamespace spells it
            String head = "CREATE OR REPLACE " + kind.name() + " " + rs.getString(9) + ".";
            String definition = rs.getString(4).stripTrailing();
            if (definition.startsWith(head)) definition = "CREATE OR REPLACE " + kind.name() + " " + definition.substring(head.length());
            DbObject function = new DbObject(kind, rs.getString(2), rs.getString(3), Optional.empty(), definition,
                    Optional.ofNullable(rs.getString(8)), rs.getString(5), Set.of(), rs.getBoolean(7));
            found.add(new Found(rs.getLong(1), function.withGrants(grants(function, rs.getBoolean(10), rs.getArray(11)))));
        });
        query(c, VIEWS, namespace, rs -> {
            boolean materialized = "m".equals(rs.getString(3));
            String query = rs.getString(4).stripTrailing();
            query = query.endsWith(";") ? query.substring(0, query.length() - 1) : query;
            String options = rs.getString(5).isEmpty() ? "" : " WITH (" + rs.getString(5) + ")";
            String name = Identifiers.quote(rs.getString(2));
            String definition = materialized ? "CREATE MATERIALIZED VIEW " + name + options + " AS\n" + query + "\nWITH DATA"
                    : "CREATE OR REPLACE VIEW " + name + options + " AS\n" + query;
            DbObject view = new DbObject(materialized ? Kind.MATERIALIZED_VIEW : Kind.VIEW, rs.getString(2), "",
                    Optional.empty(), definition, Optional.ofNullable(rs.getString(6)), materialized ? "" : rs.getString(7), Set.of(), false);
            found.add(new Found(rs.getLong(1), view.withGrants(grants(view, rs.getBoolean(8), rs.getArray(9)))));
        });
        query(c, TRIGGERS, namespace, rs -> {
            // a trigger disabled by hand (or firing on replicas) is another trigger than the one declared, which fires
            String firing = switch (rs.getString(6)) {
                case "D" -> ";\nALTER TABLE " + Identifiers.quote(rs.getString(3)) + " DISABLE TRIGGER " + Identifiers.quote(rs.getString(2));
                case "R" -> ";\nALTER TABLE " + Identifiers.quote(rs.getString(3)) + " ENABLE REPLICA TRIGGER " + Identifiers.quote(rs.getString(2));
                case "A" -> ";\nALTER TABLE " + Identifiers.quote(rs.getString(3)) + " ENABLE ALWAYS TRIGGER " + Identifiers.quote(rs.getString(2));
                default -> "";
            };
            found.add(new Found(rs.getLong(1), new DbObject(Kind.TRIGGER, rs.getString(2), "", Optional.of(rs.getString(3)),
                    rs.getString(4) + firing, Optional.ofNullable(rs.getString(5)), "", Set.of(), false)));
        });
        query(c, POLICIES, namespace, rs -> {
            StringBuilder definition = new StringBuilder("CREATE POLICY ").append(Identifiers.quote(rs.getString(2))).append(" ON ")
                    .append(Identifiers.quote(rs.getString(3))).append(rs.getBoolean(4) ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                    .append(" FOR ").append(switch (rs.getString(5)) {
                        case "r" -> "SELECT";
                        case "a" -> "INSERT";
                        case "w" -> "UPDATE";
                        case "d" -> "DELETE";
                        default -> "ALL";
                    }).append(" TO ").append(rs.getString(6));
            if (rs.getString(7) != null) definition.append(" USING (").append(rs.getString(7)).append(')');
            if (rs.getString(8) != null) definition.append(" WITH CHECK (").append(rs.getString(8)).append(')');
            found.add(new Found(rs.getLong(1), new DbObject(Kind.POLICY, rs.getString(2), "", Optional.of(rs.getString(3)),
                    definition.toString(), Optional.ofNullable(rs.getString(9)), "", Set.of(), false)));
        });
        query(c, MATERIALIZED_VIEW_INDEXES, namespace, rs -> found.add(new Found(rs.getLong(1), new DbObject(Kind.INDEX, rs.getString(2), "",
                Optional.of(rs.getString(3)), rs.getString(4), Optional.ofNullable(rs.getString(5)), "", Set.of(), false))));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(EXTENSIONS)) {
            while (rs.next()) {
                if (extensions.isPresent() && !extensions.get().contains(rs.getString(2))) continue;
                String where = ownSchemas.contains(rs.getString(3)) ? "" : " SCHEMA " + Identifiers.quote(rs.getString(3));
                found.add(new Found(rs.getLong(1), new DbObject(Kind.EXTENSION, rs.getString(2), "", Optional.empty(),
                        "CREATE EXTENSION " + Identifiers.quote(rs.getString(2)) + where, Optional.empty(), "", Set.of(), false)));
            }
        }
        return withDependencies(c, schema, found);
    }

    /** The objects with what each reads; a relation of another schema is named with it, and listed as outside. */
    private static Read withDependencies(Connection c, String schema, List<Found> found) throws SQLException {
        Map<Long, String> keys = new HashMap<>();
        found.forEach(f -> keys.put(f.oid(), f.object().key()));
        Map<Long, Set<String>> reads = new HashMap<>();
        Set<String> outside = new HashSet<>();
        if (found.isEmpty()) return new Read(new TreeMap<>(), outside);
        try (PreparedStatement ps = c.prepareStatement(DEPENDENCIES)) {
            java.sql.Array oids = c.createArrayOf("int8", found.stream().map(f -> f.oid()).toArray());
            ps.setArray(1, oids);
            ps.setArray(2, oids);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                long object = rs.getLong(1);
                if (!keys.containsKey(object) || rs.getLong(2) == object) continue;
                String dependency;
                if (keys.containsKey(rs.getLong(2))) {
                    dependency = keys.get(rs.getLong(2));
                } else if (rs.getString(4) != null && "rp".contains(rs.getString(5))) {
                    String table = schema.equals(rs.getString(3)) ? rs.getString(4) : Identifiers.qualified(rs.getString(3), rs.getString(4));
                    if (!schema.equals(rs.getString(3))) outside.add(table);
                    dependency = rs.getString(6) == null ? "table " + table : "column " + table + "." + rs.getString(6);
                } else {
                    continue;
                }
                reads.computeIfAbsent(object, k -> new HashSet<>()).add(dependency);
            }
        }
        SortedMap<String, DbObject> objects = new TreeMap<>();
        for (Found f : found) {
            DbObject o = f.object();
            objects.put(o.key(), o.withDependsOn(reads.getOrDefault(f.oid(), Set.of())));
        }
        return new Read(objects, outside);
    }

    /** The statements that give an object its privileges when it has its own (an ACL): none when they are the default. */
    private static List<String> grants(DbObject o, boolean own, java.sql.Array grants) throws SQLException {
        if (!own) return List.of();
        List<String> statements = new ArrayList<>(List.of("REVOKE ALL ON " + o.grantTarget() + " FROM PUBLIC"));
        for (String grant : (String[]) grants.getArray()) statements.add(grant.replace(" ON @ TO ", " ON " + o.grantTarget() + " TO "));
        return statements;
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String namespace, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, namespace);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.read(rs);
            }
        }
    }
}

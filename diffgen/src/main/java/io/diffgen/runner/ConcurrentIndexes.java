package io.diffgen.runner;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.diffgen.snapshot.Identifiers.literal;

/**
 * What a killed run leaves of a CONCURRENTLY statement: PostgreSQL finishes a build or a drop whose
 * client went away, but no tracking row says so. Before such a statement runs again, the catalog
 * says whether it is already done: an index of that name, valid, on that table, with the definition
 * the statement would give it (compared through a copy of the statement on an empty temporary table,
 * so PostgreSQL's own {@code pg_get_indexdef} spells both); or, for a drop, no index of that name.
 */
final class ConcurrentIndexes {
    private static final String NAME = "(\"(?:[^\"]|\"\")*\"(?:\\.\"(?:[^\"]|\"\")*\")?|[^\\s\"(]+(?:\\.\"(?:[^\"]|\"\")*\")?)";
    private static final Pattern CREATE = Pattern.compile("(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\s+" + NAME + "\\s+ON\\s+"
            + NAME + "\\s+(.*?);?\\s*$");
    private static final Pattern DROP = Pattern.compile("(?is)^\\s*DROP\\s+INDEX\\s+CONCURRENTLY\\s+" + NAME + "\\s*;?\\s*$");

    private ConcurrentIndexes() {
    }

    /** Whether {@code sql} is a CONCURRENTLY index build or drop. */
    static boolean isConcurrent(String sql) {
        return isBuild(sql) || DROP.matcher(sql).matches();
    }

    static boolean isBuild(String sql) {
        return CREATE.matcher(sql).matches();
    }

    /** The table a CONCURRENTLY build names, or that the index a CONCURRENTLY drop names is on. */
    static Optional<String> tableOf(Connection connection, String sql) throws SQLException {
        Matcher create = CREATE.matcher(sql);
        if (create.matches()) return Optional.of(create.group(3));
        Matcher drop = DROP.matcher(sql);
        if (!drop.matches()) return Optional.empty();
        try (var ps = connection.prepareStatement("SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = to_regclass(?)")) {
            ps.setString(1, drop.group(1));
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether {@code sql}, a CONCURRENTLY build or drop, has already had its effect; false for any other statement. */
    static boolean alreadyDone(Connection connection, String sql) throws SQLException {
        Matcher drop = DROP.matcher(sql);
        if (drop.matches()) {
            return regclass(connection, drop.group(1)).isEmpty();
        }
        Matcher create = CREATE.matcher(sql);
        if (!create.matches()) {
            return false;
        }
        String table = create.group(3);
        Optional<Long> tableOid = regclass(connection, table);
        if (tableOid.isEmpty()) return false;
        String index = qualifiedLike(create.group(2), table);
        Optional<Long> existing = regclass(connection, index);
        if (existing.isEmpty()) return false;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Savepoint probe = connection.setSavepoint();
        try (var s = connection.createStatement()) {
            try (var rs = s.executeQuery("SELECT i.indisvalid AND i.indrelid = " + tableOid.get() + ", pg_get_indexdef(i.indexrelid) "
                    + "FROM pg_index i WHERE i.indexrelid = " + existing.get())) {
                if (!rs.next() || !rs.getBoolean(1)) return false;
                String have = rs.getString(2);
                s.execute("CREATE TEMP TABLE diffgen_index_probe (LIKE " + table + ")");
                s.execute("CREATE " + (create.group(1) == null ? "" : "UNIQUE ") + "INDEX diffgen_index_probe_ix ON pg_temp.diffgen_index_probe "
                        + create.group(4));
                try (var wanted = s.executeQuery("SELECT pg_get_indexdef('pg_temp.diffgen_index_probe_ix'::regclass)")) {
                    wanted.next();
                    return shape(have).equals(shape(wanted.getString(1)));
                }
            }
        } catch (SQLException e) {
            return false; // the statement itself will say what is wrong
        } finally {
            connection.rollback(probe);
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * {@code sql} as {@code --sql} prints it, so that a script run again after a killed psql does what
     * the online rerun does: a CONCURRENTLY build as {@code IF NOT EXISTS}, after a DO block that stops
     * the script where an index of that name is INVALID, on another table or of another definition
     * (compared as {@link #alreadyDone} compares); a CONCURRENTLY drop as {@code IF EXISTS}. Any
     * other statement is returned as it is.
     */
    static String forScript(String sql) {
        Matcher drop = DROP.matcher(sql);
        if (drop.matches()) {
            return "DROP INDEX CONCURRENTLY IF EXISTS " + drop.group(1);
        }
        Matcher create = CREATE.matcher(sql);
        if (!create.matches()) {
            return sql;
        }
        String unique = create.group(1) == null ? "" : "UNIQUE ";
        String table = create.group(3);
        String index = qualifiedLike(create.group(2), table);
        String shape = "(CASE WHEN %1$s LIKE 'CREATE UNIQUE%%' THEN 'UNIQUE' ELSE '' END || substring(%1$s from ' USING .*$'))";
        String found = literal("index % exists but is INVALID, or not on " + table.replace("%", "%%") + ", or not as this statement builds it "
                + "(a failed build left it?): drop it (DROP INDEX CONCURRENTLY %), then run the rest of this script from here, "
                + "or finish with diffgen upgrade online, which drops an INVALID one itself");
        return "DO $diffgen$ DECLARE existing regclass := to_regclass(" + literal(index) + "); same boolean; BEGIN\n"
                + "  IF existing IS NULL THEN RETURN; END IF;\n"
                + "  CREATE TEMP TABLE diffgen_index_probe (LIKE " + table + ");\n"
                + "  CREATE " + unique + "INDEX diffgen_index_probe_ix ON pg_temp.diffgen_index_probe " + create.group(4) + ";\n"
                + "  SELECT i.indisvalid AND i.indrelid = to_regclass(" + literal(table) + ") AND "
                + String.format(shape, "pg_get_indexdef(i.indexrelid)") + " = "
                + String.format(shape, "pg_get_indexdef('pg_temp.diffgen_index_probe_ix'::regclass)")
                + " INTO same FROM pg_index i WHERE i.indexrelid = existing;\n"
                + "  DROP TABLE pg_temp.diffgen_index_probe;\n"
                + "  IF same IS NOT TRUE THEN RAISE EXCEPTION " + found + ", existing, existing; END IF;\n"
                + "END $diffgen$;\n"
                + "CREATE " + unique + "INDEX CONCURRENTLY IF NOT EXISTS " + create.group(2) + " ON " + table + " " + create.group(4);
    }

    /** An index definition without its name and table: {@code CREATE [UNIQUE] INDEX} and what follows {@code USING}. */
    private static String shape(String indexdef) {
        int using = indexdef.indexOf(" USING ");
        return (indexdef.startsWith("CREATE UNIQUE") ? "UNIQUE" : "") + indexdef.substring(using);
    }

    /** The index name in the table's schema where the statement gives it unqualified (PostgreSQL puts it there). */
    private static String qualifiedLike(String index, String table) {
        int dot = table.lastIndexOf("\".\"") >= 0 ? table.lastIndexOf("\".\"") + 1 : (table.startsWith("\"") ? -1 : table.indexOf('.'));
        return index.contains(".") || dot < 0 ? index : table.substring(0, dot) + "." + index;
    }

    private static Optional<Long> regclass(Connection connection, String name) throws SQLException {
        try (var ps = connection.prepareStatement("SELECT to_regclass(?)::oid")) {
            ps.setString(1, name);
            try (var rs = ps.executeQuery()) {
                rs.next();
                long oid = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(oid);
            }
        }
    }
}

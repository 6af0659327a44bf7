package io.diffgen.runner;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.snapshot.Identifiers;
import liquibase.change.core.RawSQLChange;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind under the name it was building;
 * it is dropped before the changeset runs again, or the retry would fail on the name. A script records
 * which indexes a changeset builds only in its SQL, so the names are read from there.
 */
final class InvalidIndexes {
    /** The index name after {@code INDEX CONCURRENTLY}, as the renderer writes it: bare or double-quoted. */
    private static final Pattern BUILT = Pattern.compile("\\bINDEX CONCURRENTLY (\"(?:[^\"]|\"\")*\"|[^\\s\"]+)\\s");

    private InvalidIndexes() {
    }

    /** Drops the INVALID indexes of the current schema that {@code changes} build CONCURRENTLY. */
    static void dropLeftBy(Connection connection, java.util.List<liquibase.change.Change> changes) {
        Set<String> built = builtConcurrently(changes);
        if (built.isEmpty()) {
            return;
        }
        try (var ps = connection.prepareStatement("""
                SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE NOT i.indisvalid AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())""");
             var rs = ps.executeQuery()) {
            Set<String> invalid = new HashSet<>();
            while (rs.next()) {
                invalid.add(Identifiers.quote(rs.getString(1)));
            }
            invalid.retainAll(built);
            for (String name : invalid) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(true); // CONCURRENTLY cannot run in a transaction block
                try (var drop = connection.createStatement()) {
                    drop.execute("DROP INDEX CONCURRENTLY IF EXISTS " + name);
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot clean up invalid indexes: " + e.getMessage(), e);
        }
    }

    /** The names, as written in the SQL, of the indexes the changeset builds CONCURRENTLY. */
    private static Set<String> builtConcurrently(java.util.List<liquibase.change.Change> changes) {
        Set<String> names = new HashSet<>();
        for (var change : changes) {
            if (change instanceof RawSQLChange raw) {
                Matcher m = BUILT.matcher(raw.getSql());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}

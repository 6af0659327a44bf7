package io.diffgen.catalog;

import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Sequence;
import io.diffgen.snapshot.SchemaSnapshot;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/** The second step: every distinct (type, default) of the model in PostgreSQL's spelling, at its fixed point. */
final class DefaultSpelling {
    private DefaultSpelling() {
    }

    /**
     * Every distinct (type, default) pair, as pg_get_expr prints it, repeated until the text is a
     * fixed point. Keys are {@code canonicalType + '\0' + rawDefault}.
     */
    static Map<String, String> of(Scratch scratch, SchemaSnapshot model, Map<String, String> types) throws SQLException {
        Map<String, String> where = Scratch.firstColumnWith(model, c -> c.defaultExpression().map(d -> types.get(c.type()) + "\u0000" + d));
        List<String> keys = new ArrayList<>(where.keySet());
        Map<String, String> current = new LinkedHashMap<>();
        keys.forEach(k -> current.put(k, k.substring(k.indexOf('\u0000') + 1)));
        if (keys.isEmpty()) return current;
        for (Sequence q : model.sequences().values()) {
            scratch.statement.execute("CREATE TEMP SEQUENCE IF NOT EXISTS " + Identifiers.quote(Identifiers.nameOf(q.name())));
        }
        for (int round = 1; round <= Canonicalizer.MAX_ROUNDS; round++) {
            Savepoint before = scratch.connection.setSavepoint();
            scratch.createColumnsTable("diffgen_defaults", keys,
                    key -> key.substring(0, key.indexOf('\u0000')) + " DEFAULT " + current.get(key),
                    key -> scratch.whose + " column " + where.get(key) + " has a default PostgreSQL does not accept: '" + current.get(key) + "'");
            boolean changed = false;
            try (var rs = scratch.statement.executeQuery("SELECT d.adnum, pg_get_expr(d.adbin, d.adrelid, true) FROM pg_attrdef d "
                    + "WHERE d.adrelid = 'pg_temp.diffgen_defaults'::regclass ORDER BY d.adnum")) {
                while (rs.next()) {
                    String key = keys.get(rs.getInt(1) - 1);
                    changed |= !rs.getString(2).equals(current.put(key, rs.getString(2)));
                }
            }
            scratch.connection.rollback(before);
            if (!changed) break;
        }
        return current;
    }

}

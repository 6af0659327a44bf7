package io.diffgen.catalog;

import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.SchemaSnapshot;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;

/** The first step: every distinct column type of the model in PostgreSQL's spelling. */
final class TypeSpelling {
    private TypeSpelling() {
    }

    /** Every distinct column type of the model, as format_type prints it: one temporary table, one column a type. */
    static Map<String, String> of(Scratch scratch, SchemaSnapshot model) throws SQLException {
        Map<String, String> where = Scratch.firstColumnWith(model, c -> Optional.of(c.type()));
        List<String> raw = new ArrayList<>(where.keySet());
        Map<String, String> canonical = new LinkedHashMap<>();
        if (raw.isEmpty()) return canonical;
        Savepoint before = scratch.connection.setSavepoint();
        scratch.createColumnsTable("diffgen_types", raw, type -> type,
                type -> scratch.whose + " column " + where.get(type) + " has a type PostgreSQL does not know: '" + type + "'");
        try (var rs = scratch.statement.executeQuery("SELECT attnum, format_type(atttypid, atttypmod) FROM pg_attribute "
                + "WHERE attrelid = 'pg_temp.diffgen_types'::regclass AND attnum > 0 ORDER BY attnum")) {
            while (rs.next()) {
                canonical.put(raw.get(rs.getInt(1) - 1), Types.withoutDefaultPrecision(rs.getString(2)));
            }
        }
        scratch.connection.rollback(before);
        return canonical;
    }

}

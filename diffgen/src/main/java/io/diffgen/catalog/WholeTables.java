package io.diffgen.catalog;

import io.diffgen.render.SqlRenderer;
import io.diffgen.snapshot.Identifiers;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.Types;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.List;

/**
 * The third step: tables whose CHECKs or partial or expression indexes refer to their columns,
 * created whole as temporary tables and read back with the {@link PgCatalogReader}. PostgreSQL's
 * deparse is not always a fixed point (an IN list on varchar gains casts on the second round), so a
 * table whose expressions changed goes round again until they read back as written: then the script,
 * the database and a re-creation carry one text.
 */
final class WholeTables {
    private WholeTables() {
    }

    /** The tables in PostgreSQL's spelling, and how many create-and-read rounds it took. */
    record Spelled(Map<String, Table> tables, int rounds) {
    }

    static Spelled respell(Scratch scratch, Collection<Table> tables) throws SQLException {
        Map<String, Table> stable = new TreeMap<>();
        Map<String, Table> pending = new TreeMap<>();
        tables.forEach(t -> pending.put(t.name(), t));
        int rounds = 1;
        for (int round = 1; round <= Canonicalizer.MAX_ROUNDS && !pending.isEmpty(); round++) {
            rounds = round;
            Map<String, Table> read = materialise(scratch, pending.values());
            Map<String, Table> next = new TreeMap<>();
            for (Table written : pending.values()) {
                Table back = read.get(written.name());
                if (round == Canonicalizer.MAX_ROUNDS || expressions(back).equals(expressions(written))) {
                    stable.put(back.name(), back);
                } else {
                    next.put(back.name(), back);
                }
            }
            pending.clear();
            pending.putAll(next);
        }
        return new Spelled(stable, rounds);
    }

    /** A table is created whole only if something in it is an expression over its columns, or has storage parameters to spell. */
    static boolean needsWholeTable(Table t) {
        if (!t.checks().isEmpty() || !t.storage().isEmpty()) return true;
        for (Index i : t.indexes()) {
            if (i.where().isPresent() || !i.storage().isEmpty() || !"btree".equals(i.method())) return true;
            for (Index.Key k : i.keys()) {
                if (t.columns().stream().noneMatch(c -> Identifiers.quote(c.name()).equals(k.expression()))) return true;
            }
        }
        return false;
    }

    /** Every text PostgreSQL may respell: defaults, CHECKs, index keys and predicates. Types are stable after one pass. */
    private static List<String> expressions(Table t) {
        List<String> all = new ArrayList<>();
        t.columns().forEach(c -> all.add(c.name() + "=" + c.defaultExpression().orElse("")));
        t.checks().forEach(c -> all.add(c.name() + ":" + c.expression()));
        t.indexes().forEach(i -> all.add(i.name() + ":" + i.keys() + " " + i.where().orElse("")));
        return all;
    }

    /** Creates the tables as temporary tables, reads them back, and removes them again. */
    private static Map<String, Table> materialise(Scratch scratch, Collection<Table> tables) throws SQLException {
        // temporary tables all live in pg_temp: tables of one schema at a time, so equal names in two schemas cannot collide
        Map<String, Table> read = new TreeMap<>();
        Map<Optional<String>, List<Table>> bySchema = new LinkedHashMap<>();
        tables.forEach(t -> bySchema.computeIfAbsent(Identifiers.schemaOf(t.name()), k -> new ArrayList<>()).add(t));
        for (List<Table> group : bySchema.values()) {
            Map<String, Table> back = materialiseInTemporarySchema(scratch, group);
            for (Table t : group) {
                read.put(t.name(), back.get(Identifiers.nameOf(t.name())).withName(t.name()));
            }
        }
        return read;
    }

    private static Map<String, Table> materialiseInTemporarySchema(Scratch scratch, List<Table> tables) throws SQLException {
        Connection connection = scratch.connection;
        Statement s = scratch.statement;
        String whose = scratch.whose;
        Savepoint before = connection.setSavepoint();
        // one round trip for the group; FKs are not materialised (no expressions, may point outside)
        StringBuilder script = new StringBuilder();
        for (Table table : tables) {
            for (String sql : SqlRenderer.createTable(bare(table))) {
                script.append(sql).append(";\n");
            }
            for (Index index : table.indexes()) {
                script.append(SqlRenderer.createIndex(Identifiers.nameOf(table.name()), index, false)).append(";\n");
            }
        }
        try {
            s.execute(script.toString());
        } catch (SQLException batchFailed) {
            // find the statement to blame, one at a time
            connection.rollback(before);
            before = connection.setSavepoint();
            for (Table table : tables) {
                String what = whose + " table " + Identifiers.display(table.name());
                scratch.execute(SqlRenderer.createTable(bare(table)), what);
                for (Index index : table.indexes()) {
                    scratch.execute(List.of(SqlRenderer.createIndex(Identifiers.nameOf(table.name()), index, false)), what + " index " + index.name());
                }
            }
            throw batchFailed;
        }
        SchemaSnapshot read = new PgCatalogReader(connection).readTemporarySchema();
        connection.rollback(before);
        return read.tables();
    }

    /** What a temporary copy of a table needs: its columns and own constraints; owned sequences already exist. */
    private static Table bare(Table table) {
        return table.withoutIndexesAndForeignKeys().withOwnedSequences(List.of()).withName(Identifiers.nameOf(table.name()));
    }

}

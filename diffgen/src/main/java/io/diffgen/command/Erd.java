package io.diffgen.command;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.cache.ModelCache;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.postgres.ThrowawayPostgres;
import io.diffgen.render.MermaidErd;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.Revision;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema a revision leads to, drawn: the migrations replayed on a throwaway PostgreSQL to the
 * revision's parents, the catalog read, the revision applied, the catalog read again, and the two
 * drawn by {@link MermaidErd}, as PostgreSQL itself has the schema, not as the SQL text says it.
 */
public final class Erd {
    private Erd() {
    }

    /** What {@code revision} changes, marked, with the neighbours of what it touches; or, with {@code whole}, the whole schema at it. */
    public static String of(MigrationsDirectory migrations, RevisionGraph graph, Revision revision, boolean whole) {
        List<String> parents = revision.parents();
        try (ThrowawayPostgres shadow = ThrowawayPostgres.start(ModelCache.directoryFor(migrations.root()),
                Autogenerate.shadowKey(migrations, parents), c -> {
                    RevisionRunner replay = new RevisionRunner(c, migrations, graph);
                    for (String parent : parents) replay.upgrade(parent, RevisionGraph.Phases.ALL, step -> { });
                });
             Connection c = shadow.connect()) {
            SchemaSnapshot before = whole ? null : read(c);
            new RevisionRunner(c, migrations, graph).upgrade(revision.id(), RevisionGraph.Phases.ALL, step -> { });
            SchemaSnapshot after = read(c);
            return whole ? MermaidErd.render(after, after, true) : MermaidErd.render(before, after, false);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, "cannot read the throwaway database: " + e.getMessage(), e);
        }
    }

    /** Every schema of the database but PostgreSQL's own, relative to its current one. */
    private static SchemaSnapshot read(Connection c) throws SQLException {
        List<String> others = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' "
                + "AND nspname <> 'information_schema' AND nspname <> current_schema() ORDER BY 1")) {
            while (rs.next()) others.add(rs.getString(1));
        }
        return new PgCatalogReader(c).readSchemas(others);
    }
}

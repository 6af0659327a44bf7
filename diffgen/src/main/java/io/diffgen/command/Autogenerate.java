package io.diffgen.command;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.catalog.Canonicalizer;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.diff.Change;
import io.diffgen.diff.Differ;
import io.diffgen.model.EntityModel;
import io.diffgen.model.HibernateModelReader;
import io.diffgen.model.ModelLoader;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.runner.ThrowawayPostgres;
import io.diffgen.snapshot.SchemaSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Compares the entity model with a database: the given one, which must be at head, or, with no URL,
 * a throwaway PostgreSQL on which the migrations are replayed up to their heads.
 */
public final class Autogenerate {

    /** The comparison: the changes that bring the database to the model, and what the database was at. */
    public record Comparison(List<Change> changes, List<String> databaseRevisions, SchemaSnapshot database, SchemaSnapshot model) {
    }

    private Autogenerate() {
    }

    public static EntityModel loadModel(Settings settings) {
        ClassLoader loader = ModelLoader.classLoader(settings.modelClasspath());
        return HibernateModelReader.read(ModelLoader.mappedClasses(loader, settings.modelPackages()), loader);
    }

    /**
     * @param base the revisions the comparison must start from (the new revision's parents); the
     *             database must be at exactly these.
     */
    public static Comparison compare(Settings settings, MigrationsDirectory migrations, RevisionGraph graph, List<String> base,
                                     boolean concurrentIndexes) {
        EntityModel model = loadModel(settings);
        if (settings.url().isPresent()) {
            try (Connection c = settings.url().get().connect()) {
                RevisionRunner runner = new RevisionRunner(c, migrations, graph);
                List<String> current = runner.current();
                if (!sameSet(current, base)) {
                    throw new DiffgenException(ErrorCode.REVISION, "database is at " + describe(current) + ", head is "
                            + describe(base) + ": upgrade first");
                }
                return compareOn(c, model, current, concurrentIndexes);
            } catch (SQLException e) {
                throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
            }
        }
        try (ThrowawayPostgres shadow = ThrowawayPostgres.start(); Connection c = shadow.connect()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, graph);
            for (String target : base) {
                runner.upgrade(target, step -> { });
            }
            return compareOn(c, model, runner.current(), concurrentIndexes);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    private static Comparison compareOn(Connection c, EntityModel model, List<String> current, boolean concurrentIndexes)
            throws SQLException {
        SchemaSnapshot database = new PgCatalogReader(c).readCurrentSchema();
        SchemaSnapshot canonicalModel = Canonicalizer.canonicalize(c, model.schema());
        List<Change> changes = Differ.diff(database, canonicalModel, new Differ.Options(model.renames(), concurrentIndexes));
        return new Comparison(changes, current, database, canonicalModel);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }

    static String describe(List<String> revisions) {
        return revisions.isEmpty() ? "base" : String.join(", ", revisions);
    }
}

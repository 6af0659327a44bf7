package io.diffgen.command;

import io.diffgen.DiffgenException;
import io.diffgen.DiffgenException.ErrorCode;
import io.diffgen.catalog.PgCatalogReader;
import io.diffgen.config.DatabaseUrl;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.revision.RevisionGraph;
import io.diffgen.runner.RevisionRunner;
import io.diffgen.snapshot.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Brings a database under diffgen, whatever state it is in: a database that does not exist is
 * created and upgraded to head; an empty one is upgraded; one already tracked is upgraded; one that
 * holds tables but no history (created by hbm2ddl or by hand) is stamped at head if its schema is
 * exactly what the entities map to, and refused, unchanged, if not.
 */
public final class Init {
    private Init() {
    }

    /** What init did: stamped the schema, or upgraded it through these revisions (none when it was at head). */
    public record Outcome(boolean stamped, List<String> upgraded, String head) {
    }

    /** {@code progress}: what init does, as it goes; {@code differences}: a refused schema's differences from the entities, one per line. */
    public static Outcome run(Settings settings, MigrationsDirectory migrations, DatabaseUrl url, Consumer<String> progress,
                              Consumer<String> differences) {
        RevisionGraph graph = migrations.graph();
        String head = graph.head("init");
        createIfMissing(url, progress);
        try (Connection c = url.connect()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, graph);
            boolean tracked = !runner.current().isEmpty();
            if (!tracked && hasTables(c)) {
                if (settings.modelPackages().isEmpty()) {
                    throw new DiffgenException(ErrorCode.USAGE, "database " + url + " has tables but no diffgen history; to stamp it, init "
                            + "compares it with the entities: give --model-package (and --model-classpath)");
                }
                Autogenerate.Comparison comparison = Autogenerate.compare(settings.withUrl(url), migrations, graph, List.of(), false, new Timing());
                if (!comparison.changes().isEmpty()) {
                    differences.accept("The schema differs from the entities:");
                    comparison.changes().forEach(change -> differences.accept("  - " + change.summary()));
                    throw new DiffgenException(ErrorCode.REFUSED, "database " + url + " has tables but no diffgen history, and its "
                            + "schema differs from the entities in " + comparison.changes().size() + " way(s), listed above; nothing was "
                            + "changed: make the schema match them, then run init again");
                }
                runner.stamp("head");
                progress.accept("The schema matches the entities: stamped " + head + " (head)");
                return new Outcome(true, List.of(), head);
            }
            List<String> upgraded = new ArrayList<>(runner.upgrade("head", step -> progress.accept(graph.get(step.revision()).running(true))));
            return new Outcome(false, upgraded, head);
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
    }

    /** CREATE DATABASE, from the server's {@code postgres} database, when the URL's does not exist. */
    private static void createIfMissing(DatabaseUrl url, Consumer<String> progress) {
        try (Connection probe = url.connect()) {
            return;
        } catch (DiffgenException e) {
            if (!(e.getCause() instanceof SQLException s) || !"3D000".equals(s.getSQLState())) {
                throw e;
            }
        } catch (SQLException e) {
            throw new DiffgenException(ErrorCode.DATABASE, e.getMessage(), e);
        }
        String name = url.databaseName();
        try (Connection c = url.withDatabase("postgres").connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Identifiers.quote(name));
        } catch (SQLException e) {
            // another init (a parallel deploy job) created it meanwhile: go on with it, as if it had been there
            if ("42P04".equals(e.getSQLState()) || "23505".equals(e.getSQLState())) {
                progress.accept("Database " + name + " was created by another run meanwhile");
                return;
            }
            throw new DiffgenException(ErrorCode.DATABASE, "database " + name + " does not exist, and cannot be created: "
                    + io.diffgen.runner.Failures.oneLine(e.getMessage(), Integer.MAX_VALUE), e);
        }
        progress.accept("Created database " + name);
    }

    private static boolean hasTables(Connection c) throws SQLException {
        return !new PgCatalogReader(c).readCurrentSchema().tables().isEmpty();
    }
}

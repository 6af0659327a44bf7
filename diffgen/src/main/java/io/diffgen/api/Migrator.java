package io.diffgen.api;

import io.diffgen.DiffgenException;
import io.diffgen.revision.MigrationsDirectory;
import io.diffgen.runner.RevisionRunner;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * diffgen for application code: migrate at start-up, report status to a health check.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.forMigrations(Path.of("migrations"))
 *         .onApplied(r -> log.info("applied {} ({})", r.revision(), r.message()));
 * migrator.ensureMigrated(dataSource);           // fails fast with a DiffgenException
 * MigrationStatus status = migrator.status(dataSource);
 * }</pre>
 */
public final class Migrator {

    /** Told after each revision is applied. */
    public record AppliedRevision(String revision, String message) {
    }

    private final MigrationsDirectory migrations;
    private final Consumer<AppliedRevision> listener;

    private Migrator(MigrationsDirectory migrations, Consumer<AppliedRevision> listener) {
        this.migrations = migrations;
        this.listener = listener;
    }

    public static Migrator forMigrations(Path migrationsFolder) {
        return new Migrator(new MigrationsDirectory(Objects.requireNonNull(migrationsFolder, "migrationsFolder")), r -> { });
    }

    /** A copy of this migrator that calls {@code listener} after each applied revision. */
    public Migrator onApplied(Consumer<AppliedRevision> listener) {
        return new Migrator(migrations, Objects.requireNonNull(listener, "listener"));
    }

    /** Upgrades to the single head; throws with the failing revision and statement otherwise. */
    public List<String> ensureMigrated(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return new RevisionRunner(c, migrations, migrations.graph())
                    .upgrade("head", step -> listener.accept(new AppliedRevision(step.revision(), step.message())));
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot migrate: " + e.getMessage(), e);
        }
    }

    public MigrationStatus status(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return MigrationStatus.of(c, migrations);
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot read the migration status: " + e.getMessage(), e);
        }
    }
}

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
    private final RevisionRunner.Limits limits;
    private final boolean refuseNewerDatabase;

    private Migrator(MigrationsDirectory migrations, Consumer<AppliedRevision> listener, RevisionRunner.Limits limits,
                     boolean refuseNewerDatabase) {
        this.migrations = migrations;
        this.listener = listener;
        this.limits = limits;
        this.refuseNewerDatabase = refuseNewerDatabase;
    }

    public static Migrator forMigrations(Path migrationsFolder) {
        return new Migrator(new MigrationsDirectory(Objects.requireNonNull(migrationsFolder, "migrationsFolder")), r -> { },
                RevisionRunner.Limits.DEFAULTS, false);
    }

    /** A copy of this migrator that calls {@code listener} after each applied revision. */
    public Migrator onApplied(Consumer<AppliedRevision> listener) {
        return new Migrator(migrations, Objects.requireNonNull(listener, "listener"), limits, refuseNewerDatabase);
    }

    /**
     * A copy that refuses a database a newer version of the migrations ran on ({@link #newerRevisions}),
     * where by default {@link #ensureMigrated} and {@link #validateAtHead} leave it as it is: an older
     * version of an application keeps running during a rolling deploy, and after a rollback.
     */
    public Migrator refusingNewerDatabase(boolean refuse) {
        return new Migrator(migrations, listener, limits, refuse);
    }

    /**
     * The revisions a newer version of the migrations applied after all of this folder's, oldest
     * first; empty when the database is not ahead. Throws when the database applied a revision this
     * folder lacks but not all of its own (a revision file is missing).
     */
    public List<String> newerRevisions(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return new RevisionRunner(c, migrations, migrations.graph()).newerRevisions();
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot read the revisions: " + e.getMessage(), e);
        }
    }

    /** Nothing to do on a database a newer version migrated, unless refused; then the exception names its revisions. */
    private boolean newerAndAllowed(RevisionRunner runner) {
        List<String> newer = runner.newerRevisions();
        if (newer.isEmpty()) return false;
        if (refuseNewerDatabase) {
            throw new DiffgenException(DiffgenException.ErrorCode.MIGRATION, "the database is at revision " + newer.get(newer.size() - 1)
                    + ", which a newer version of the migrations applied after every revision in " + migrations.versions()
                    + " (" + newer.size() + " revision(s) ahead: " + String.join(", ", newer) + ")");
        }
        return true;
    }

    /**
     * A copy whose statements wait at most {@code duration} (PostgreSQL's spelling: {@code 10s},
     * {@code 500ms}, {@code 2min}; {@code 0} waits forever) for a table's lock, in place of what the
     * scripts set.
     */
    public Migrator withLockTimeout(String duration) {
        String value = Objects.requireNonNull(duration, "duration").strip();
        if (!RevisionRunner.Limits.isDuration(value)) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad lock timeout '" + duration + "': expected a number with ms, s, min or h, at most 24 days");
        }
        return new Migrator(migrations, listener, limits.withLockTimeout(value), refuseNewerDatabase);
    }

    /**
     * A copy whose CONCURRENTLY index builds and drops wait at most {@code duration} (default 10min)
     * for the transactions older than them to end, in place of the lock timeout.
     */
    public Migrator withIndexWait(String duration) {
        String value = Objects.requireNonNull(duration, "duration").strip();
        if (!RevisionRunner.Limits.isDuration(value)) {
            throw new DiffgenException(DiffgenException.ErrorCode.USAGE, "bad index wait '" + duration + "': expected a number with ms, s, min or h, at most 24 days");
        }
        return new Migrator(migrations, listener, limits.withIndexWait(value), refuseNewerDatabase);
    }

    /**
     * A copy that tells {@code out}, instead of stderr, what a run waits for (another run's lock, older
     * transactions) and its progress: {@code [3/7] Running upgrade a -> b, message} per revision and,
     * every 5 s, how far a long index build or validation has got, read from PostgreSQL on a second
     * connection of the DataSource.
     */
    public Migrator tellingProgress(Consumer<String> out) {
        return new Migrator(migrations, listener, limits.withWaiting(Objects.requireNonNull(out, "out")), refuseNewerDatabase);
    }

    /** The migrations folder this migrator runs. */
    public Path migrationsFolder() {
        return migrations.root();
    }

    /** Every revision, oldest first, with its state on the database: for dashboards and actuator endpoints. */
    public List<RevisionRunner.RevisionState> revisions(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return new RevisionRunner(c, migrations, migrations.graph()).states();
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot read the revisions: " + e.getMessage(), e);
        }
    }

    /**
     * Checks without changing anything that the database has applied every revision (so it is at every
     * head) and that no revision it applied was edited since; throws otherwise.
     */
    public void validateAtHead(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, migrations.graph());
            if (newerAndAllowed(runner)) return;
            RevisionRunner.Validation v = runner.validate();
            if (!v.pending().isEmpty() || !v.partial().isEmpty()) {
                throw new DiffgenException(DiffgenException.ErrorCode.MIGRATION, "the database is not at head: "
                        + (v.pending().isEmpty() ? "" : "pending " + String.join(", ", v.pending()))
                        + (v.partial().isEmpty() ? "" : " partially applied " + String.join(", ", v.partial())));
            }
        } catch (SQLException e) {
            throw new DiffgenException(DiffgenException.ErrorCode.DATABASE, "cannot validate: " + e.getMessage(), e);
        }
    }

    /**
     * Upgrades to the single head; throws with the failing revision and statement otherwise. On a
     * database a newer version migrated, applies nothing (see {@link #refusingNewerDatabase}).
     */
    public List<String> ensureMigrated(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            RevisionRunner runner = new RevisionRunner(c, migrations, migrations.graph()).withLimits(limits)
                    .withProgress(limits.waiting(), java.time.Duration.ofSeconds(5), dataSource::getConnection);
            if (newerAndAllowed(runner)) return List.of();
            return runner.upgrade("head", step -> listener.accept(new AppliedRevision(step.revision(), step.message())));
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

package io.diffgen.spring;

import io.diffgen.api.MigrationStatus;
import io.diffgen.api.Migrator;
import io.diffgen.runner.RevisionRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.Supplier;

/**
 * The application's migration: run once when the bean is initialised, which the auto-configuration
 * places after the DataSource and before the JPA EntityManagerFactory. Also what the actuator
 * endpoint and the health indicator read; the health indicator of Spring Boot 3 (another module,
 * built against that generation) reads it as a {@code Supplier<MigrationStatus>}.
 */
public class DiffgenMigration implements InitializingBean, Supplier<MigrationStatus> {
    private static final Logger LOG = LoggerFactory.getLogger(DiffgenMigration.class);

    private final Migrator migrator;
    private final DataSource dataSource;
    private final boolean validateOnly;
    private final String location;

    public DiffgenMigration(Migrator migrator, DataSource dataSource, boolean validateOnly) {
        this(migrator, dataSource, validateOnly, migrator.migrationsFolder().toString());
    }

    /** {@code location}: where the migrations come from, as the log names it ({@code classpath:db/migrations}). */
    public DiffgenMigration(Migrator migrator, DataSource dataSource, boolean validateOnly, String location) {
        this.migrator = migrator.onApplied(r -> LOG.info("diffgen: applied revision {} ({})", r.revision(), r.message()))
                .tellingProgress(line -> LOG.info("diffgen: {}", line));
        this.dataSource = dataSource;
        this.validateOnly = validateOnly;
        this.location = location;
    }

    /** Migrates (or validates); on a database a newer version migrated, leaves it as it is and says so, unless told to refuse. */
    @Override
    public void afterPropertiesSet() {
        List<String> applied = List.of();
        if (validateOnly) {
            migrator.validateAtHead(dataSource);
        } else {
            applied = migrator.ensureMigrated(dataSource);
        }
        List<String> newer = migrator.newerRevisions(dataSource);
        if (!newer.isEmpty()) {
            LOG.warn("diffgen: the database is {} revision(s) ahead of {} ({}): a newer version of the application migrated it; "
                    + "started without migrating", newer.size(), location, String.join(", ", newer));
        } else {
            LOG.info("diffgen: {} from {}", applied.isEmpty() ? "the database is at head" : "applied " + applied.size() + " revision(s)",
                    location);
        }
    }

    public MigrationStatus status() {
        return migrator.status(dataSource);
    }

    @Override
    public MigrationStatus get() {
        return status();
    }

    public List<RevisionRunner.RevisionState> revisions() {
        return migrator.revisions(dataSource);
    }
}

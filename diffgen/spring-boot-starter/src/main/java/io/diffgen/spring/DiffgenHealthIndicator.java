package io.diffgen.spring;

import io.diffgen.api.MigrationStatus;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when the database is not at the head of the migrations (a revision pending or partly applied);
 * up, naming them, when it is ahead (a newer version of the application migrated it). Spring Boot 4.
 */
public class DiffgenHealthIndicator extends AbstractHealthIndicator {
    private final DiffgenMigration migration;

    public DiffgenHealthIndicator(DiffgenMigration migration) {
        super("diffgen health check failed");
        this.migration = migration;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        MigrationStatus status = migration.status();
        (status.upToDate() ? builder.up() : builder.down())
                .withDetail("current", status.current())
                .withDetail("heads", status.heads())
                .withDetail("pending", status.pending());
        if (!status.ahead().isEmpty()) builder.withDetail("ahead", status.ahead());
    }
}

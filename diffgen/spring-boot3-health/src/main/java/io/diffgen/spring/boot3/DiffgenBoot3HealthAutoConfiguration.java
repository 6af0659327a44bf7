package io.diffgen.spring.boot3;

import io.diffgen.api.MigrationStatus;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.function.Supplier;

/**
 * The {@code diffgen} health indicator on Spring Boot 3, where health lives in the actuator itself
 * (Spring Boot 4 moved it to {@code spring-boot-health}; the starter registers that one).
 */
@AutoConfiguration(afterName = "io.diffgen.spring.DiffgenAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
@ConditionalOnBean(type = "io.diffgen.spring.DiffgenMigration")
public class DiffgenBoot3HealthAutoConfiguration {

    @Bean(name = "diffgenHealthIndicator")
    @ConditionalOnMissingBean(name = "diffgenHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("diffgen")
    public HealthIndicator diffgenHealthIndicator(Supplier<MigrationStatus> diffgenMigration) {
        return new HealthIndicator(diffgenMigration);
    }

    /** Down when the database is not at the head of the migrations (a revision pending or partly applied); up, naming them, when it is ahead. */
    public static class HealthIndicator extends AbstractHealthIndicator {
        private final Supplier<MigrationStatus> migration;

        HealthIndicator(Supplier<MigrationStatus> migration) {
            super("diffgen health check failed");
            this.migration = migration;
        }

        @Override
        protected void doHealthCheck(Health.Builder builder) {
            MigrationStatus status = migration.get();
            (status.upToDate() ? builder.up() : builder.down())
                    .withDetail("current", status.current())
                    .withDetail("heads", status.heads())
                    .withDetail("pending", status.pending());
            if (!status.ahead().isEmpty()) builder.withDetail("ahead", status.ahead());
        }
    }
}

package io.diffgen.spring;

import io.diffgen.api.Migrator;
import io.diffgen.config.DatabaseUrl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Migrates the application's database with diffgen at start-up, as Spring Boot does for Flyway and
 * Liquibase: after the DataSource, before the JPA EntityManagerFactory (which depends on the migration
 * bean), so Hibernate starts on the schema the entities need. {@code spring.diffgen.enabled=false}
 * turns it off. Spring Boot 4 moved the DataSource and Hibernate auto-configurations to modules of their
 * own, so both generations are named.
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"},
        beforeName = {"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration"})
@ConditionalOnClass(Migrator.class)
@ConditionalOnProperty(prefix = "spring.diffgen", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DiffgenProperties.class)
public class DiffgenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public DiffgenMigration diffgenMigration(DiffgenProperties properties, ObjectProvider<DataSource> applicationDataSource) {
        Migrator migrator = Migrator.forMigrations(folder(properties.getLocations())).refusingNewerDatabase(!properties.isAllowNewerDatabase());
        if (properties.getLockTimeout() != null && !properties.getLockTimeout().isBlank()) {
            migrator = migrator.withLockTimeout(properties.getLockTimeout());
        }
        DataSource dataSource = properties.getUrl() != null && !properties.getUrl().isBlank()
                ? migrationDataSource(properties) : applicationDataSource.getIfAvailable();
        if (dataSource == null) {
            throw new IllegalStateException("diffgen: no DataSource to migrate: configure spring.datasource.* or spring.diffgen.url");
        }
        return new DiffgenMigration(migrator, dataSource, properties.isValidateOnStart());
    }

    /** The EntityManagerFactory waits for the migration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean")
    static class BeforeJpa {
        @Bean
        static EntityManagerFactoryAfterMigration diffgenBeforeEntityManagerFactory() {
            return new EntityManagerFactoryAfterMigration();
        }
    }

    /** spring.diffgen.url with its own user and password: a migration user other than the application's. */
    private static DataSource migrationDataSource(DiffgenProperties properties) {
        return DatabaseUrl.parse(properties.getUrl()).dataSource(properties.getUser(), properties.getPassword());
    }

    /** A folder path, {@code file:}, or {@code classpath:} of a folder on the classpath (not inside a jar). */
    static Path folder(String location) {
        if (location.startsWith("classpath:")) {
            Resource resource = new DefaultResourceLoader().getResource(location);
            try {
                if (resource.exists() && resource.isFile()) {
                    return resource.getFile().toPath();
                }
            } catch (IOException e) {
                // reported below
            }
            throw new IllegalStateException("diffgen: spring.diffgen.locations=" + location
                    + " is not a folder on the classpath (a folder inside a jar is not supported: use a file path)");
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("diffgen: spring.diffgen.locations=" + location + ": no such folder ("
                    + path.toAbsolutePath() + ")");
        }
        return path;
    }
}

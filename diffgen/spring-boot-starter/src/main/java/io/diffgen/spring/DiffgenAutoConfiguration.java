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
        if (properties.getIndexWait() != null && !properties.getIndexWait().isBlank()) {
            migrator = migrator.withIndexWait(properties.getIndexWait());
        }
        DataSource dataSource = properties.getUrl() != null && !properties.getUrl().isBlank()
                ? migrationDataSource(properties) : applicationDataSource.getIfAvailable();
        if (dataSource == null) {
            throw new IllegalStateException("diffgen: no DataSource to migrate: configure spring.datasource.* or spring.diffgen.url");
        }
        return new DiffgenMigration(migrator, dataSource, properties.isValidateOnStart(), properties.getLocations());
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

    /**
     * A folder path, {@code file:}, or {@code classpath:} of a folder on the classpath: a folder as it
     * is, or, inside a jar (the application's own, packaged), its files copied to a folder of their own
     * for this run, since the revision graph and Liquibase read files.
     */
    static Path folder(String location) {
        if (location.startsWith("classpath:")) {
            Resource resource = new DefaultResourceLoader().getResource(location);
            try {
                if (resource.exists() && resource.isFile()) {
                    return resource.getFile().toPath();
                }
                Path copied = copyOutOfJar(location.substring("classpath:".length()).replaceAll("^/+|/+$", ""));
                if (copied != null) return copied;
            } catch (IOException e) {
                throw new IllegalStateException("diffgen: cannot read spring.diffgen.locations=" + location + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException("diffgen: spring.diffgen.locations=" + location + ": no such folder on the classpath");
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("diffgen: spring.diffgen.locations=" + location + ": no such folder ("
                    + path.toAbsolutePath() + "); in a packaged application, put the migrations on the classpath and use classpath:PATH");
        }
        return path;
    }

    /** The files under {@code folder} on the classpath, copied with their relative paths; null when there are none. */
    private static Path copyOutOfJar(String folder) throws IOException {
        Resource[] files = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + folder + "/**/*");
        Path copy = null;
        for (Resource file : files) {
            String url = file.getURL().toString();
            int at = url.lastIndexOf(folder + "/");
            if (!file.isReadable() || url.endsWith("/") || at < 0) continue; // a folder entry
            if (copy == null) {
                copy = Files.createTempDirectory("diffgen-migrations-");
                deleteAtExit(copy);
            }
            Path target = copy.resolve(url.substring(at + folder.length() + 1)).normalize();
            if (!target.startsWith(copy)) continue;
            Files.createDirectories(target.getParent());
            try (java.io.InputStream in = file.getInputStream()) {
                Files.copy(in, target);
            }
        }
        return copy;
    }

    private static void deleteAtExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // the temporary folder goes with the machine's next clean-up
            }
        }));
    }
}

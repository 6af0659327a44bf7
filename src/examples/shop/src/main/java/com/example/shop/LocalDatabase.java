package com.example.shop;

import io.diffgen.postgres.LocalPostgres;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Without spring.datasource.url, the application runs on the project's local PostgreSQL, the one
 * diffgen's CLI starts in .diffgen/ (embedded binaries, nothing to install), so the README's commands
 * work on a fresh clone. With spring.datasource.url (or SPRING_DATASOURCE_URL), Spring Boot's own
 * DataSource is used instead, as it always is in the packaged jar, which does not carry the embedded
 * PostgreSQL (diffgen-local-postgres is an optional dependency).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres")
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", matchIfMissing = true, havingValue = "__none__")
class LocalDatabase {
    @Bean
    DataSource dataSource() {
        return LocalPostgres.forProject(Path.of("migrations")).ensureRunning().dataSource(null, null);
    }
}

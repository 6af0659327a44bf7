package io.diffgen.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * diffgen runs its Liquibase-format scripts itself, and brings Liquibase with it: Spring Boot's own
 * Liquibase auto-configuration would then look for a changelog of its own and fail. It is turned off,
 * as a default the application can still override with {@code spring.liquibase.enabled=true}.
 */
public class LiquibaseOffByDefault implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"false".equalsIgnoreCase(environment.getProperty("spring.diffgen.enabled", "true"))) {
            environment.getPropertySources().addLast(new MapPropertySource("diffgen", Map.of("spring.liquibase.enabled", "false")));
        }
    }
}

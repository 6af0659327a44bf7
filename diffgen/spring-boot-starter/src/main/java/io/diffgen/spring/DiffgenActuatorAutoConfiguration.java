package io.diffgen.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/diffgen} and the {@code diffgen} health indicator, when the actuator is on the classpath. */
@AutoConfiguration(after = DiffgenAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(DiffgenMigration.class)
public class DiffgenActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = DiffgenEndpoint.class)
    public DiffgenEndpoint diffgenEndpoint(ApplicationContext context) {
        return new DiffgenEndpoint(context);
    }

    /** Spring Boot 4's health indicators; on Spring Boot 3 diffgen-spring-boot3-health registers the same one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class Health {
        @Bean(name = "diffgenHealthIndicator")
        @ConditionalOnMissingBean(name = "diffgenHealthIndicator")
        @ConditionalOnEnabledHealthIndicator("diffgen")
        DiffgenHealthIndicator diffgenHealthIndicator(DiffgenMigration migration) {
            return new DiffgenHealthIndicator(migration);
        }
    }
}

package io.diffgen.spring;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes every JPA EntityManagerFactory depend on the migration, so Hibernate starts on the migrated
 * schema. Spring Boot's own {@code EntityManagerFactoryDependsOnPostProcessor} does this too, but it
 * lives in another package on each Boot generation (3.x {@code autoconfigure.orm.jpa}, 4.x
 * {@code jpa.autoconfigure}); this uses only Spring's bean factory, the same on both.
 */
final class EntityManagerFactoryAfterMigration implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] migrations = beanFactory.getBeanNamesForType(DiffgenMigration.class, true, false);
        if (migrations.length == 0) {
            return;
        }
        Set<String> factories = new LinkedHashSet<>();
        for (Class<?> type : List.of(jakarta.persistence.EntityManagerFactory.class, AbstractEntityManagerFactoryBean.class)) {
            for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true, false)) {
                factories.add(BeanFactoryUtils.transformedBeanName(name));
            }
        }
        for (String factory : factories) {
            if (!beanFactory.containsBeanDefinition(factory)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(factory);
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(List.of(definition.getDependsOn()));
            }
            dependsOn.addAll(List.of(migrations));
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}

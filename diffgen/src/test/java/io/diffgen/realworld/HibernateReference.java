package io.diffgen.realworld;

import io.diffgen.testkit.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hibernate itself, as the application would run it: a real SessionFactory on a real database. Its
 * schema export is the reference diffgen's schema is compared with, and its runtime SQL is what
 * diffgen's schema must serve.
 */
final class HibernateReference {
    private HibernateReference() {
    }

    /** Hibernate's own schema export ({@code jakarta.persistence.schema-generation.database.action=create}) into {@code db}. */
    static void export(TestDatabase db, ClassLoader loader, List<Class<?>> classes, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("jakarta.persistence.schema-generation.database.action", "create");
        try (SessionFactory ignored = sessionFactory(db, loader, classes, all)) {
            // building the factory runs the export
        }
    }

    /**
     * Hibernate validates the schema in {@code db} against the model ({@code hbm2ddl.auto=validate}),
     * then runs a query on every entity and {@code nextval} on every sequence it maps.
     *
     * @return what was run, for the report
     */
    static List<String> validateAndUse(TestDatabase db, ClassLoader loader, List<Class<?>> classes, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("hibernate.hbm2ddl.auto", "validate");
        List<String> ran = new ArrayList<>();
        try (SessionFactory factory = sessionFactory(db, loader, classes, all)) {
            factory.inTransaction(session -> {
                for (var entity : factory.getMetamodel().getEntities()) {
                    session.createQuery("select e from " + entity.getName() + " e", Object.class).setMaxResults(1).getResultList();
                    ran.add("query " + entity.getName());
                }
            });
            List<String> sequences = sequenceNames(loader, classes, settings);
            factory.inTransaction(session -> {
                for (String sequence : sequences) {
                    session.createNativeQuery("select nextval('" + sequence + "')", Long.class).getSingleResult();
                    ran.add("nextval " + sequence);
                }
            });
        }
        return ran;
    }

    /** The sequences as Hibernate renders them in SQL. */
    private static List<String> sequenceNames(ClassLoader loader, List<Class<?>> classes, Map<String, Object> settings) {
        StandardServiceRegistry registry = registry(loader, offline(settings));
        try {
            Metadata metadata = metadata(registry, classes);
            var env = registry.getService(org.hibernate.engine.jdbc.env.spi.JdbcEnvironment.class);
            List<String> names = new ArrayList<>();
            for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
                for (var sequence : namespace.getSequences()) {
                    names.add(env.getQualifiedObjectNameFormatter().format(sequence.getName(), env.getDialect()));
                }
            }
            return names;
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    private static Map<String, Object> offline(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("jakarta.persistence.database-product-name", "PostgreSQL");
        all.put("jakarta.persistence.database-major-version", "13");
        all.put("hibernate.boot.allow_jdbc_metadata_access", "false");
        return all;
    }

    private static SessionFactory sessionFactory(TestDatabase db, ClassLoader loader, List<Class<?>> classes, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("hibernate.connection.url", db.jdbcUrl());
        all.put("hibernate.connection.username", db.user());
        all.put("hibernate.connection.password", db.password());
        all.put("hibernate.connection.pool_size", "2");
        StandardServiceRegistry registry = registry(loader, all);
        try {
            return metadata(registry, classes).buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private static StandardServiceRegistry registry(ClassLoader loader, Map<String, Object> settings) {
        return new StandardServiceRegistryBuilder(new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build())
                .applySettings(settings).build();
    }

    private static Metadata metadata(StandardServiceRegistry registry, List<Class<?>> classes) {
        MetadataSources sources = new MetadataSources(registry);
        classes.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }
}

package io.diffgen.hibernate;

import io.diffgen.model.EntityModel;
import io.diffgen.model.ModelException;
import io.diffgen.model.ModelReader;
import org.hibernate.SessionFactory;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link ModelReader} of the Hibernate line this module is compiled against. diffgen creates it
 * by name in a class loader that holds this module, the application's classes and the application's
 * Hibernate (or the one bundled with this module), so every Hibernate class it touches is that one.
 */
public final class HibernateLine implements ModelReader {

    @Override
    public String hibernateVersion() {
        return Version.getVersionString();
    }

    @Override
    public Set<String> knownSettings() {
        Set<String> known = new TreeSet<>();
        for (Field field : AvailableSettings.class.getFields()) {
            if (field.getType() == String.class) {
                try {
                    known.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        known.add(BeanValidationIntegrator.APPLY_CONSTRAINTS);
        // the settings of Hibernate's modules the application has on its classpath are its settings too
        for (String module : MODULE_SETTINGS) {
            try {
                for (Field field : Class.forName(module, false, loader()).getFields()) {
                    if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        known.add((String) field.get(null));
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // that module is not on the model classpath
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return known;
    }

    /** The classes that name the settings of Hibernate's modules: Envers, Spatial, Search (its ORM mapper and engine). */
    private static final List<String> MODULE_SETTINGS = List.of(
            "org.hibernate.envers.configuration.EnversSettings",
            "org.hibernate.spatial.HibernateSpatialConfigurationSettings",
            "org.hibernate.search.mapper.orm.cfg.HibernateOrmMapperSettings",
            "org.hibernate.search.engine.cfg.EngineSettings");

    /** Hibernate started by {@link #prepare}, for the next {@link #read} with the same settings. */
    private volatile HibernateModelReader.Started started;

    @Override
    public void prepare(Map<String, String> settings) {
        HibernateModelReader.Started previous = started;
        started = HibernateModelReader.start(loader(), settings);
        if (previous != null) {
            previous.release();
        }
    }

    @Override
    public void release() {
        HibernateModelReader.Started prepared = started;
        started = null;
        if (prepared != null) {
            prepared.release();
        }
    }

    @Override
    public EntityModel read(List<String> mappedClasses, Map<String, String> settings) {
        // a class that cannot be loaded leaves the start to release()
        List<Class<?>> classes = classes(mappedClasses);
        HibernateModelReader.Started prepared = started;
        started = null;
        if (prepared != null && !prepared.settings().equals(settings)) {
            prepared.release();
            prepared = null;
        }
        return HibernateModelReader.read(classes, prepared != null ? prepared : HibernateModelReader.start(loader(), settings));
    }

    @Override
    public void exportSchema(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user, String password) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("jakarta.persistence.schema-generation.database.action", "create");
        try (SessionFactory ignored = sessionFactory(mappedClasses, all, jdbcUrl, user, password)) {
            // building the factory runs the export
        }
    }

    @Override
    public List<String> validateAndUse(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user,
                                       String password) {
        List<String> ran = new ArrayList<>();
        try (SessionFactory factory = sessionFactory(mappedClasses, validating(settings), jdbcUrl, user, password)) {
            List<String> entities = new ArrayList<>();
            factory.getMetamodel().getEntities().forEach(e -> entities.add(e.getName()));
            List<String> sequences = sequenceNames(mappedClasses, settings);
            factory.inTransaction(session -> {
                for (String entity : entities) {
                    session.createQuery("select e from " + entity + " e", Object.class).setMaxResults(1).getResultList();
                    ran.add("query " + entity);
                }
                for (String sequence : sequences) {
                    session.createNativeQuery("select nextval('" + sequence + "')", Long.class).getSingleResult();
                    ran.add("nextval " + sequence);
                }
            });
        }
        return ran;
    }

    @Override
    public List<String> persistAndLoad(List<String> mappedClasses, Map<String, String> settings, String jdbcUrl, String user,
                                       String password, List<Object> entities) {
        List<String> loaded = new ArrayList<>();
        try (SessionFactory factory = sessionFactory(mappedClasses, validating(settings), jdbcUrl, user, password)) {
            List<Object> ids = new ArrayList<>();
            factory.inTransaction(session -> entities.forEach(session::persist));
            entities.forEach(e -> ids.add(factory.getPersistenceUnitUtil().getIdentifier(e)));
            factory.inTransaction(session -> {
                for (int i = 0; i < entities.size(); i++) {
                    Object back = session.find(entities.get(i).getClass(), ids.get(i));
                    if (back == null) {
                        throw new IllegalStateException(entities.get(i).getClass().getSimpleName() + "#" + ids.get(i) + " was not found");
                    }
                    loaded.add(session.getEntityName(back) + "#" + ids.get(i));
                }
            });
        }
        return loaded;
    }

    /** The application's settings, with Hibernate validating the schema first and its sessions run as one tenant. */
    private static Map<String, Object> validating(Map<String, String> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("hibernate.hbm2ddl.auto", "validate");
        all.putIfAbsent(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new ReferenceTenant());
        return all;
    }

    /** The sequences as Hibernate renders them in SQL. */
    private List<String> sequenceNames(List<String> mappedClasses, Map<String, String> settings) {
        StandardServiceRegistry registry = registry(HibernateModelReader.offline(settings));
        try {
            Metadata metadata = metadata(registry, mappedClasses);
            JdbcEnvironment env = registry.getService(JdbcEnvironment.class);
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

    private SessionFactory sessionFactory(List<String> mappedClasses, Map<String, Object> settings, String jdbcUrl, String user,
                                          String password) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("hibernate.connection.url", jdbcUrl);
        all.put("hibernate.connection.username", user);
        all.put("hibernate.connection.password", password);
        all.put("hibernate.connection.pool_size", "2");
        // Bean Validation as the reader applies it, with no expression language on the classpath
        all.putIfAbsent("jakarta.persistence.validation.factory", BeanValidationDdl.validatorFactory(loader()));
        StandardServiceRegistry registry = registry(all);
        try {
            return metadata(registry, mappedClasses).buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    private StandardServiceRegistry registry(Map<String, Object> settings) {
        return new StandardServiceRegistryBuilder(new BootstrapServiceRegistryBuilder().applyClassLoader(loader()).build())
                .applySettings(settings).build();
    }

    private Metadata metadata(StandardServiceRegistry registry, List<String> mappedClasses) {
        MetadataSources sources = new MetadataSources(registry);
        classes(mappedClasses).forEach(sources::addAnnotatedClass);
        return sources.buildMetadata();
    }

    private ClassLoader loader() {
        return HibernateLine.class.getClassLoader();
    }

    private List<Class<?>> classes(List<String> names) {
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            try {
                classes.add(Class.forName(name, false, loader()));
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ModelException("cannot load model class " + name + ": " + e, e);
            }
        }
        return classes;
    }
}

package io.pixcrawler.model;

import io.diffgen.testkit.TestDatabase;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** A session factory over a test database, whose schema Hibernate creates from the model. */
public final class TestSessionFactories {
    private TestSessionFactories() {
    }

    public static SessionFactory create(TestDatabase db) {
        return create(db, sql -> sql);
    }

    public static SessionFactory create(TestDatabase db, StatementInspector inspector) {
        StandardServiceRegistryBuilder registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.url", db.jdbcUrl())
                .applySetting("hibernate.connection.username", db.user())
                .applySetting("hibernate.connection.password", db.password())
                .applySetting("hibernate.connection.pool_size", "10")
                .applySetting("hibernate.hbm2ddl.auto", "create")
                .applySetting("hibernate.session_factory.statement_inspector", inspector)
                .applySettings(PixCrawlerModel.SESSION_FACTORY_SETTINGS);
        MetadataSources sources = new MetadataSources(registry.build());
        PixCrawlerModel.ENTITIES.forEach(sources::addAnnotatedClass);
        return sources.buildMetadata().buildSessionFactory();
    }
}

package io.pixcrawler.model;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;

/** Hibernate's boot metadata of the model, built without a database (as the schema-diff tool reads it). */
final class ModelMetadata {
    private static Metadata metadata;

    private ModelMetadata() {
    }

    static synchronized Metadata get() {
        if (metadata == null) {
            MetadataSources sources = new MetadataSources(new StandardServiceRegistryBuilder()
                    .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
                    .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
                    .build());
            PixCrawlerModel.ENTITIES.forEach(sources::addAnnotatedClass);
            metadata = sources.buildMetadata();
        }
        return metadata;
    }
}

package io.pixcrawler.model;

import java.util.List;
import java.util.Map;

/** The one list of the model's entity classes, and the settings a session factory over them needs. */
public final class PixCrawlerModel {
    /** Every entity, parents before children. */
    public static final List<Class<?>> ENTITIES = List.of(
            Profile.class,
            Project.class,
            CrawlJob.class,
            JobChunk.class,
            Image.class,
            ActivityLog.class,
            ValidationJob.class,
            ExportJob.class,
            CreditAccount.class,
            CreditTransaction.class,
            Notification.class,
            NotificationPreference.class,
            ApiKey.class,
            UsageMetric.class);

    /**
     * Hibernate settings to apply when building a session factory, the same as the persistence unit's
     * in {@code META-INF/persistence.xml} (a test keeps the two equal). Without them Hibernate turns the
     * Bean Validation ranges (@Min/@Max) into extra unnamed CHECKs in its DDL, next to the named ones.
     */
    public static final Map<String, Object> SESSION_FACTORY_SETTINGS = Map.of(
            "hibernate.validator.apply_to_ddl", "false");

    private PixCrawlerModel() {
    }
}

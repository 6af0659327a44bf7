package io.pixcrawler.model;

/** What a notification is about ({@code notifications.category}). */
public enum NotificationCategory implements DbEnum {
    CRAWL_JOB("crawl_job"),
    PAYMENT("payment"),
    SYSTEM("system"),
    SECURITY("security"),
    DATASET("dataset"),
    PROJECT("project");

    private final String dbValue;

    NotificationCategory(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<NotificationCategory> {
        public Converter() {
            super(NotificationCategory.class);
        }
    }
}

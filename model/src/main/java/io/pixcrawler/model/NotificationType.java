package io.pixcrawler.model;

/** How a notification is presented ({@code notifications.type}). */
public enum NotificationType implements DbEnum {
    SUCCESS("success"),
    INFO("info"),
    WARNING("warning"),
    ERROR("error");

    private final String dbValue;

    NotificationType(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<NotificationType> {
        public Converter() {
            super(NotificationType.class);
        }
    }
}

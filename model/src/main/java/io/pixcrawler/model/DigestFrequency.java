package io.pixcrawler.model;

/** How often notifications are sent as a digest ({@code notification_preferences.digest_frequency}). */
public enum DigestFrequency implements DbEnum {
    REALTIME("realtime"),
    DAILY("daily"),
    WEEKLY("weekly"),
    NEVER("never");

    private final String dbValue;

    DigestFrequency(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<DigestFrequency> {
        public Converter() {
            super(DigestFrequency.class);
        }
    }
}

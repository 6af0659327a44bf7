package io.pixcrawler.model;

/** A profile's subscription tier ({@code profiles.user_tier}). */
public enum UserTier implements DbEnum {
    FREE("FREE"),
    PRO("PRO"),
    ENTERPRISE("ENTERPRISE");

    private final String dbValue;

    UserTier(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<UserTier> {
        public Converter() {
            super(UserTier.class);
        }
    }
}

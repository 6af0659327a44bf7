package io.pixcrawler.model;

/** Whether an API key can be used ({@code api_keys.status}). */
public enum ApiKeyStatus implements DbEnum {
    ACTIVE("active"),
    REVOKED("revoked"),
    EXPIRED("expired");

    private final String dbValue;

    ApiKeyStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<ApiKeyStatus> {
        public Converter() {
            super(ApiKeyStatus.class);
        }
    }
}

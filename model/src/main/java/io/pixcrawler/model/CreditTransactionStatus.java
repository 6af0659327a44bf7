package io.pixcrawler.model;

/** The state of a credit transaction ({@code credit_transactions.status}). */
public enum CreditTransactionStatus implements DbEnum {
    COMPLETED("completed"),
    PENDING("pending"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String dbValue;

    CreditTransactionStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<CreditTransactionStatus> {
        public Converter() {
            super(CreditTransactionStatus.class);
        }
    }
}

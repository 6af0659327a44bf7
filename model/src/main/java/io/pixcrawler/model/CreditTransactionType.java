package io.pixcrawler.model;

/** What a credit transaction does ({@code credit_transactions.type}). */
public enum CreditTransactionType implements DbEnum {
    PURCHASE("purchase"),
    USAGE("usage"),
    REFUND("refund"),
    BONUS("bonus");

    private final String dbValue;

    CreditTransactionType(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<CreditTransactionType> {
        public Converter() {
            super(CreditTransactionType.class);
        }
    }
}

package io.pixcrawler.model;

/** An enum stored as a string; {@link #dbValue()} is the exact value in the column and its CHECK. */
public interface DbEnum {
    String dbValue();
}

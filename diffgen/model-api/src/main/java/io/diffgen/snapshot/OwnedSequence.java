package io.diffgen.snapshot;

/**
 * A sequence owned by a column ({@code serial}, or {@code ALTER SEQUENCE ... OWNED BY}): DROP TABLE
 * removes it with the table, so a table re-created by a rollback must bring it back first.
 * {@code dataType} is the sequence's own type ({@code integer} for serial, {@code bigint} for bigserial).
 */
public record OwnedSequence(String column, Sequence sequence, String dataType) {
}

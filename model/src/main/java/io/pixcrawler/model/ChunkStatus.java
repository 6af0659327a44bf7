package io.pixcrawler.model;

/** Where a job chunk is in its life ({@code job_chunks.status}). */
public enum ChunkStatus implements DbEnum {
    PENDING("pending"),
    PROCESSING("processing"),
    COMPLETED("completed"),
    FAILED("failed");

    private final String dbValue;

    ChunkStatus(String dbValue) {
        this.dbValue = dbValue;
    }

    @Override
    public String dbValue() {
        return dbValue;
    }

    public static final class Converter extends DbEnumConverter<ChunkStatus> {
        public Converter() {
            super(ChunkStatus.class);
        }
    }
}

package io.pixcrawler.model;

/**
 * The images a job chunk covers, stored as the jsonb object {@code {"start": int, "end": int}}
 * in {@code job_chunks.image_range}.
 */
public record ImageRange(int start, int end) {
    public ImageRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid image range " + start + ".." + end);
        }
    }
}

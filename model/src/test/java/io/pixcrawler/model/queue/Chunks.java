package io.pixcrawler.model.queue;

import io.pixcrawler.model.ChunkStatus;
import io.pixcrawler.model.CrawlJob;
import io.pixcrawler.model.ImageRange;
import io.pixcrawler.model.JobChunk;
import io.pixcrawler.model.Profile;
import io.pixcrawler.model.Project;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test data for the queue: a profile, a project, crawl jobs and chunks with chosen fields. */
final class Chunks {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private Chunks() {
    }

    static CrawlJob newJob(Session session, String name) {
        Profile profile = new Profile(UUID.randomUUID(), name + "@example.com");
        session.persist(profile);
        Project project = new Project(profile, "project " + name);
        session.persist(project);
        CrawlJob job = new CrawlJob(project, name, List.of("cats", "dogs"));
        session.persist(job);
        return job;
    }

    /** A chunk created {@code minute} minutes after {@link #T0}; its index is its name in assertions. */
    static JobChunk chunk(Session session, CrawlJob job, int index, ChunkStatus status, int priority,
                          int minute, int retryCount) {
        JobChunk chunk = new JobChunk(job, index, new ImageRange(index * 100, index * 100 + 99));
        chunk.setStatus(status);
        chunk.setPriority(priority);
        chunk.setRetryCount(retryCount);
        session.persist(chunk);
        session.flush();
        // created_at is set by Hibernate on insert; the tests need chosen times.
        session.createNativeMutationQuery("update job_chunks set created_at = :at where id = :id")
                .setParameter("at", T0.plusSeconds(60L * minute))
                .setParameter("id", chunk.getId())
                .executeUpdate();
        return chunk;
    }

    static List<Integer> indexes(List<JobChunk> chunks) {
        return chunks.stream().map(JobChunk::getChunkIndex).toList();
    }
}

package io.pixcrawler.model.queue;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresExtension;
import io.diffgen.testkit.TestDatabase;
import io.pixcrawler.model.ChunkStatus;
import io.pixcrawler.model.CrawlJob;
import io.pixcrawler.model.ImageRange;
import io.pixcrawler.model.JobChunk;
import io.pixcrawler.model.Profile;
import io.pixcrawler.model.TestSessionFactories;
import io.pixcrawler.model.UserTier;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.pixcrawler.model.ChunkStatus.COMPLETED;
import static io.pixcrawler.model.ChunkStatus.FAILED;
import static io.pixcrawler.model.ChunkStatus.PENDING;
import static io.pixcrawler.model.ChunkStatus.PROCESSING;
import static io.pixcrawler.model.queue.Chunks.chunk;
import static io.pixcrawler.model.queue.Chunks.indexes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue's read queries on real PostgreSQL: order, filters, limits, grouping, and one statement each. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class JobChunkQueueTest {
    private final RecordingInspector sql = new RecordingInspector();
    private SessionFactory sessionFactory;

    @BeforeAll
    void start(TestDatabase db) {
        sessionFactory = TestSessionFactories.create(db, sql);
    }

    @AfterAll
    void stop() {
        sessionFactory.close();
    }

    @BeforeEach
    void empty() {
        sessionFactory.inTransaction(s -> s.createNativeMutationQuery("truncate profiles cascade").executeUpdate());
    }

    @Test
    void pendingChunksOfAJobByPriorityThenAge() {
        int jobId = sessionFactory.fromTransaction(s -> {
            CrawlJob job = Chunks.newJob(s, "a");
            CrawlJob other = Chunks.newJob(s, "b");
            chunk(s, job, 1, PENDING, 5, 10, 0);
            chunk(s, job, 2, PENDING, 9, 30, 0);
            chunk(s, job, 3, PENDING, 9, 20, 0);
            chunk(s, job, 4, PENDING, 0, 5, 0);
            chunk(s, job, 5, PENDING, 10, 40, 0);
            chunk(s, job, 6, PROCESSING, 10, 1, 0);
            chunk(s, job, 7, COMPLETED, 10, 1, 0);
            chunk(s, job, 8, FAILED, 10, 1, 0);
            chunk(s, other, 9, PENDING, 10, 1, 0);
            return job.getId();
        });

        List<JobChunk> pending = sessionFactory.fromTransaction(s -> new JobChunkQueue(s).pendingChunks(jobId));

        assertEquals(List.of(5, 3, 2, 1, 4), indexes(pending));
        assertEquals(new ImageRange(300, 399), pending.get(1).getImageRange());
    }

    @Test
    void processingChunksByPriorityUpToTheLimitWithTheirJobInOneQuery() {
        sessionFactory.inTransaction(s -> {
            CrawlJob a = Chunks.newJob(s, "a");
            CrawlJob b = Chunks.newJob(s, "b");
            chunk(s, a, 1, PROCESSING, 3, 1, 0);
            chunk(s, b, 2, PROCESSING, 8, 5, 0);
            chunk(s, a, 3, PROCESSING, 8, 2, 0);
            chunk(s, b, 4, PROCESSING, 6, 1, 0);
            chunk(s, a, 5, PENDING, 10, 1, 0);
            chunk(s, b, 6, FAILED, 10, 1, 0);
        });

        sql.clear();
        List<JobChunk> top3 = sessionFactory.fromTransaction(s -> new JobChunkQueue(s).processingChunks(3));

        assertEquals(List.of(3, 2, 4), indexes(top3));
        assertEquals(1, sql.statements().size(), "one statement, no N+1: " + sql.statements());
        // The jobs were fetched with the chunks: readable after the session closed.
        assertTrue(top3.stream().allMatch(c -> Hibernate.isInitialized(c.getJob())));
        assertEquals(List.of("a", "b", "b"), top3.stream().map(c -> c.getJob().getName()).toList());

        assertEquals(List.of(3, 2, 4, 1),
                indexes(sessionFactory.fromTransaction(s -> new JobChunkQueue(s).processingChunks(10))));
        assertEquals(List.of(), sessionFactory.fromTransaction(s -> new JobChunkQueue(s).processingChunks(0)));
    }

    @Test
    void retryableFailedChunksAreThoseWithFewerThanThreeRetriesOldestFirst() {
        sessionFactory.inTransaction(s -> {
            CrawlJob a = Chunks.newJob(s, "a");
            CrawlJob b = Chunks.newJob(s, "b");
            chunk(s, a, 1, FAILED, 5, 30, 0);
            chunk(s, b, 2, FAILED, 9, 10, 2);
            chunk(s, a, 3, FAILED, 5, 20, 3);
            chunk(s, a, 4, FAILED, 5, 5, 7);
            chunk(s, b, 5, FAILED, 0, 25, 1);
            chunk(s, a, 6, PENDING, 5, 1, 0);
            chunk(s, a, 7, PROCESSING, 5, 1, 2);
        });

        sql.clear();
        List<JobChunk> retryable = sessionFactory.fromTransaction(s -> new JobChunkQueue(s).retryableFailedChunks());

        assertEquals(List.of(2, 5, 1), indexes(retryable));
        assertEquals(1, sql.statements().size(), "one statement, no N+1: " + sql.statements());
        assertEquals(List.of("b", "b", "a"), retryable.stream().map(c -> c.getJob().getName()).toList());
    }

    @Test
    void profileCountsPerTierIncludeEmptyTiers() {
        sessionFactory.inTransaction(s -> {
            for (UserTier tier : List.of(UserTier.FREE, UserTier.PRO, UserTier.FREE, UserTier.FREE)) {
                Profile p = new Profile(UUID.randomUUID(), UUID.randomUUID() + "@example.com");
                p.setUserTier(tier);
                s.persist(p);
            }
            s.persist(new Profile(UUID.randomUUID(), "default-tier@example.com"));
        });

        Map<UserTier, Long> counts = sessionFactory.fromTransaction(s -> new JobChunkQueue(s).profileCountsByTier());

        assertEquals(Map.of(UserTier.FREE, 4L, UserTier.PRO, 1L, UserTier.ENTERPRISE, 0L), counts);
        assertEquals(List.of(UserTier.FREE, UserTier.PRO, UserTier.ENTERPRISE), List.copyOf(counts.keySet()));
    }

    @Test
    void statusesAreStoredAsTheirDatabaseValues() {
        sessionFactory.inTransaction(s -> {
            CrawlJob job = Chunks.newJob(s, "a");
            chunk(s, job, 1, PROCESSING, 5, 1, 0);
        });
        Object stored = sessionFactory.fromTransaction(s ->
                s.createNativeQuery("select status || '/' || (select user_tier from profiles) from job_chunks", String.class)
                        .getSingleResult());
        assertEquals("processing/FREE", stored);
        assertEquals(ChunkStatus.PROCESSING, sessionFactory.fromTransaction(s ->
                s.createQuery("select c.status from JobChunk c", ChunkStatus.class).getSingleResult()));
    }
}

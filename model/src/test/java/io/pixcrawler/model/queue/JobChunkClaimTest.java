package io.pixcrawler.model.queue;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresExtension;
import io.diffgen.testkit.TestDatabase;
import io.pixcrawler.model.ChunkStatus;
import io.pixcrawler.model.CrawlJob;
import io.pixcrawler.model.JobChunk;
import io.pixcrawler.model.TestSessionFactories;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.pixcrawler.model.ChunkStatus.COMPLETED;
import static io.pixcrawler.model.ChunkStatus.PENDING;
import static io.pixcrawler.model.ChunkStatus.PROCESSING;
import static io.pixcrawler.model.queue.Chunks.chunk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** claimNext on real PostgreSQL: order, SKIP LOCKED between open transactions, and many workers at once. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class JobChunkClaimTest {
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
    void claimsTheMostUrgentOldestPendingChunkWithSkipLocked() {
        sessionFactory.inTransaction(s -> {
            CrawlJob job = Chunks.newJob(s, "a");
            chunk(s, job, 1, PENDING, 5, 1, 0);
            chunk(s, job, 2, PENDING, 7, 9, 0);
            chunk(s, job, 3, PENDING, 7, 3, 0);
            chunk(s, job, 4, PROCESSING, 10, 0, 0);
            chunk(s, job, 5, COMPLETED, 10, 0, 0);
        });

        sql.clear();
        Optional<JobChunk> claimed = sessionFactory.fromTransaction(s -> new JobChunkQueue(s).claimNext("task-1"));

        assertEquals(3, claimed.orElseThrow().getChunkIndex());
        String select = sql.statements().get(0).toLowerCase();
        assertTrue(select.contains("for update") && select.endsWith("skip locked"), select);
        assertEquals(List.of("3 processing task-1"), rows("where chunk_index = 3"));

        List<Integer> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessionFactory.fromTransaction(s -> new JobChunkQueue(s).claimNext("task-2"))
                    .ifPresent(c -> next.add(c.getChunkIndex()));
        }
        assertEquals(List.of(2, 1), next);
        assertEquals(List.of("1 processing task-2", "2 processing task-2", "3 processing task-1",
                "4 processing null", "5 completed null"), rows(""));
    }

    @Test
    void aChunkClaimedByAnOpenTransactionIsSkippedAndFreedByItsRollback() {
        sessionFactory.inTransaction(s -> {
            CrawlJob job = Chunks.newJob(s, "a");
            chunk(s, job, 1, PENDING, 9, 1, 0);
            chunk(s, job, 2, PENDING, 5, 1, 0);
        });

        try (Session first = sessionFactory.openSession(); Session second = sessionFactory.openSession()) {
            Transaction firstTx = first.beginTransaction();
            assertEquals(1, new JobChunkQueue(first).claimNext("first").orElseThrow().getChunkIndex());

            // Without SKIP LOCKED this would wait for the first transaction: fail after 5 s instead.
            Transaction secondTx = second.beginTransaction();
            second.createNativeMutationQuery("set local lock_timeout = '5s'").executeUpdate();
            assertEquals(2, new JobChunkQueue(second).claimNext("second").orElseThrow().getChunkIndex());
            assertTrue(new JobChunkQueue(second).claimNext("second").isEmpty());
            secondTx.commit();

            firstTx.rollback();
        }

        assertEquals(List.of("1 pending null", "2 processing second"), rows(""));
        assertEquals(1, sessionFactory.fromTransaction(s -> new JobChunkQueue(s).claimNext("third"))
                .orElseThrow().getChunkIndex());
    }

    @Test
    void nothingToClaim() {
        sessionFactory.inTransaction(s -> chunk(s, Chunks.newJob(s, "a"), 1, COMPLETED, 5, 1, 0));
        assertTrue(sessionFactory.fromTransaction(s -> new JobChunkQueue(s).claimNext("task")).isEmpty());
        assertNull(sessionFactory.fromTransaction(s ->
                s.createQuery("select c.taskId from JobChunk c", String.class).getSingleResult()));
    }

    @Test
    void concurrentWorkersClaimEveryChunkExactlyOnce() throws Exception {
        int chunks = 40;
        int workers = 6;
        sessionFactory.inTransaction(s -> {
            CrawlJob job = Chunks.newJob(s, "a");
            for (int i = 0; i < chunks; i++) {
                chunk(s, job, i, PENDING, i % 11, i, 0);
            }
        });

        Map<Integer, String> claimedBy = new ConcurrentHashMap<>();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger mostOpenAtOnce = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            String worker = "worker-" + w;
            results.add(pool.submit(() -> {
                start.await();
                int mine = 0;
                while (true) {
                    Optional<Integer> id = sessionFactory.fromTransaction(s -> {
                        Optional<JobChunk> chunk = new JobChunkQueue(s).claimNext(worker);
                        if (chunk.isPresent()) {
                            mostOpenAtOnce.accumulateAndGet(open.incrementAndGet(), Math::max);
                            sleep(); // hold the row lock a little, so that the others must skip it
                            open.decrementAndGet();
                        }
                        return chunk.map(JobChunk::getId);
                    });
                    if (id.isEmpty()) {
                        return mine;
                    }
                    mine++;
                    String previous = claimedBy.putIfAbsent(id.get(), worker);
                    if (previous != null) {
                        duplicates.add(id.get() + " by " + previous + " and " + worker);
                    }
                }
            }));
        }
        start.countDown();
        List<Integer> perWorker = new ArrayList<>();
        for (Future<Integer> result : results) {
            perWorker.add(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(List.of(), duplicates);
        assertEquals(chunks, claimedBy.size());
        assertEquals(chunks, perWorker.stream().mapToInt(Integer::intValue).sum());
        assertTrue(perWorker.stream().filter(n -> n > 0).count() > 1, "only one worker claimed: " + perWorker);
        assertTrue(mostOpenAtOnce.get() > 1, "claims never overlapped");

        Map<Integer, String> inDatabase = new HashMap<>();
        sessionFactory.inTransaction(s -> s.createQuery("from JobChunk", JobChunk.class).getResultList().forEach(c -> {
            assertEquals(ChunkStatus.PROCESSING, c.getStatus());
            inDatabase.put(c.getId(), c.getTaskId());
        }));
        assertEquals(claimedBy, inDatabase);
    }

    private static void sleep() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "chunk_index status task_id" of the chunks, by chunk_index. */
    private List<String> rows(String where) {
        return sessionFactory.fromTransaction(s -> s.createNativeQuery(
                "select chunk_index || ' ' || status || ' ' || coalesce(task_id, 'null') from job_chunks "
                        + where + " order by chunk_index", String.class).getResultList());
    }
}

package io.pixcrawler.model.queue;

import io.pixcrawler.model.ChunkStatus;
import io.pixcrawler.model.JobChunk;
import io.pixcrawler.model.Profile;
import io.pixcrawler.model.UserTier;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The job chunk queue, over the caller's {@link EntityManager}; every method runs in the caller's
 * transaction. Chunks returned across jobs come with their {@link JobChunk#getJob() job} fetched.
 */
public class JobChunkQueue {
    /** A failed chunk is retried while its retry_count is below this. */
    public static final int MAX_RETRIES = 3;

    // Native SQL: for LockMode.UPGRADE_SKIPLOCKED, Hibernate 6.6 emits "for no key update skip locked" on PostgreSQL.
    static final String CLAIM_NEXT_SQL = """
            select c.* from job_chunks c
            where c.status = :status
            order by c.priority desc, c.created_at asc, c.id asc
            limit 1
            for update skip locked""";

    private final Session session;

    public JobChunkQueue(EntityManager entityManager) {
        this.session = entityManager.unwrap(Session.class);
    }

    /** The job's pending chunks, most urgent first, then oldest first. */
    public List<JobChunk> pendingChunks(int jobId) {
        return session.createNamedQuery(JobChunk.PENDING_FOR_JOB, JobChunk.class)
                .setParameter("jobId", jobId)
                .setParameter("status", ChunkStatus.PENDING)
                .getResultList();
    }

    /** Up to {@code limit} chunks being processed, most urgent first. */
    public List<JobChunk> processingChunks(int limit) {
        return session.createNamedQuery(JobChunk.BY_STATUS_BY_PRIORITY, JobChunk.class)
                .setParameter("status", ChunkStatus.PROCESSING)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Failed chunks that may still be retried (retry_count below {@link #MAX_RETRIES}), oldest first. */
    public List<JobChunk> retryableFailedChunks() {
        return session.createNamedQuery(JobChunk.RETRYABLE_FAILED, JobChunk.class)
                .setParameter("status", ChunkStatus.FAILED)
                .setParameter("maxRetries", MAX_RETRIES)
                .getResultList();
    }

    /** How many profiles each tier has; every tier is present, with 0 when it has none. */
    public Map<UserTier, Long> profileCountsByTier() {
        Map<UserTier, Long> counts = new EnumMap<>(UserTier.class);
        for (UserTier tier : UserTier.values()) {
            counts.put(tier, 0L);
        }
        for (Object[] row : session.createNamedQuery(Profile.COUNT_BY_TIER, Object[].class).getResultList()) {
            counts.put((UserTier) row[0], (Long) row[1]);
        }
        return counts;
    }

    /**
     * Claims the most urgent, oldest pending chunk for a worker task: locks its row with
     * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers neither wait for nor take the same chunk,
     * marks it processing and flushes. The lock lasts until the caller's transaction ends.
     */
    public Optional<JobChunk> claimNext(String taskId) {
        Objects.requireNonNull(taskId, "taskId");
        List<JobChunk> next = session.createNativeQuery(CLAIM_NEXT_SQL, JobChunk.class)
                .addSynchronizedEntityClass(JobChunk.class)
                .setParameter("status", ChunkStatus.PENDING.dbValue())
                .getResultList();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        JobChunk chunk = next.get(0);
        chunk.setStatus(ChunkStatus.PROCESSING);
        chunk.setTaskId(taskId);
        session.flush();
        return Optional.of(chunk);
    }
}

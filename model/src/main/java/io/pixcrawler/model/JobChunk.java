package io.pixcrawler.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A slice of a crawl job's images that one worker task processes. */
@Entity
@Table(name = "job_chunks", indexes = {
        @Index(name = "ix_job_chunks_job_id", columnList = "job_id"),
        @Index(name = "ix_job_chunks_status", columnList = "status"),
        @Index(name = "ix_job_chunks_job_status", columnList = "job_id, status"),
        @Index(name = "ix_job_chunks_priority_created", columnList = "priority, created_at"),
        @Index(name = "ix_job_chunks_task_id", columnList = "task_id")
})
@Check(name = "ck_job_chunks_status_valid", constraints = "status IN ('pending','processing','completed','failed')")
@Check(name = "ck_job_chunks_priority_range", constraints = "priority >= 0 AND priority <= 10")
@Check(name = "ck_job_chunks_retry_count_positive", constraints = "retry_count >= 0")
@NamedQuery(name = JobChunk.PENDING_FOR_JOB, query = """
        select c from JobChunk c
        where c.job.id = :jobId and c.status = :status
        order by c.priority desc, c.createdAt asc, c.id asc""")
@NamedQuery(name = JobChunk.BY_STATUS_BY_PRIORITY, query = """
        select c from JobChunk c join fetch c.job
        where c.status = :status
        order by c.priority desc, c.createdAt asc, c.id asc""")
@NamedQuery(name = JobChunk.RETRYABLE_FAILED, query = """
        select c from JobChunk c join fetch c.job
        where c.status = :status and c.retryCount < :maxRetries
        order by c.createdAt asc, c.id asc""")
public class JobChunk {
    public static final String PENDING_FOR_JOB = "JobChunk.pendingForJob";
    public static final String BY_STATUS_BY_PRIORITY = "JobChunk.byStatusByPriority";
    public static final String RETRYABLE_FAILED = "JobChunk.retryableFailed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "job_id", nullable = false, foreignKey = @ForeignKey(name = "fk_job_chunks_job_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CrawlJob job;

    /** Sequential chunk number within the job. */
    @NotNull
    @Column(name = "chunk_index", nullable = false)
    private Integer chunkIndex;

    @NotNull
    @ColumnDefault("'pending'")
    @Convert(converter = ChunkStatus.Converter.class)
    @Column(name = "status", length = 20, nullable = false)
    private ChunkStatus status = ChunkStatus.PENDING;

    /** Higher is more urgent. */
    @NotNull
    @Min(0)
    @Max(10)
    @ColumnDefault("5")
    @Column(name = "priority", nullable = false)
    private Integer priority = 5;

    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "image_range", nullable = false)
    private ImageRange imageRange;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "retry_count", nullable = false)
    private Integer retryCount = 0;

    /** The worker task processing the chunk. */
    @Size(max = 255)
    @Column(name = "task_id", length = 255)
    private String taskId;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected JobChunk() {
    }

    public JobChunk(CrawlJob job, int chunkIndex, ImageRange imageRange) {
        this.job = job;
        this.chunkIndex = chunkIndex;
        this.imageRange = imageRange;
    }

    public Integer getId() {
        return id;
    }

    public CrawlJob getJob() {
        return job;
    }

    public void setJob(CrawlJob job) {
        this.job = job;
    }

    public Integer getChunkIndex() {
        return chunkIndex;
    }

    public void setChunkIndex(Integer chunkIndex) {
        this.chunkIndex = chunkIndex;
    }

    public ChunkStatus getStatus() {
        return status;
    }

    public void setStatus(ChunkStatus status) {
        this.status = status;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public ImageRange getImageRange() {
        return imageRange;
    }

    public void setImageRange(ImageRange imageRange) {
        this.imageRange = imageRange;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public Integer getRetryCount() {
        return retryCount;
    }

    public void setRetryCount(Integer retryCount) {
        this.retryCount = retryCount;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

package io.pixcrawler.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.util.ArrayList;
import java.util.List;

/** A crawl of images for a project's keywords, split into job chunks for the workers. */
@Entity
@Table(name = "crawl_jobs", indexes = {
        @Index(name = "ix_crawl_jobs_project_id", columnList = "project_id"),
        @Index(name = "ix_crawl_job_status", columnList = "status"),
        @Index(name = "ix_crawl_job_project_status", columnList = "project_id, status"),
        @Index(name = "ix_crawl_jobs_created_at", columnList = "created_at")
})
@Check(name = "ck_crawl_jobs_progress_range", constraints = "progress >= 0 AND progress <= 100")
public class CrawlJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "project_id", nullable = false, foreignKey = @ForeignKey(name = "fk_crawl_jobs_project_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Project project;

    @NotNull
    @Size(max = 100)
    @Column(name = "name", length = 100, nullable = false)
    private String name;

    /** The search keywords, a JSON array. */
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "keywords", nullable = false)
    private List<String> keywords = new ArrayList<>();

    @NotNull
    @ColumnDefault("1000")
    @Column(name = "max_images", nullable = false)
    private Integer maxImages = 1000;

    @NotNull
    @Size(max = 20)
    @ColumnDefault("'pending'")
    @Column(name = "status", length = 20, nullable = false)
    private String status = "pending";

    @NotNull
    @Min(0)
    @Max(100)
    @ColumnDefault("0")
    @Column(name = "progress", nullable = false)
    private Integer progress = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "total_images", nullable = false)
    private Integer totalImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "downloaded_images", nullable = false)
    private Integer downloadedImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "valid_images", nullable = false)
    private Integer validImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "total_chunks", nullable = false)
    private Integer totalChunks = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "active_chunks", nullable = false)
    private Integer activeChunks = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "completed_chunks", nullable = false)
    private Integer completedChunks = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "failed_chunks", nullable = false)
    private Integer failedChunks = 0;

    /** Ids of the worker tasks running this job, a JSON array. */
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'[]'::jsonb")
    @Column(name = "task_ids", nullable = false)
    private List<String> taskIds = new ArrayList<>();

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "job")
    private List<JobChunk> chunks = new ArrayList<>();

    protected CrawlJob() {
    }

    public CrawlJob(Project project, String name, List<String> keywords) {
        this.project = project;
        this.name = name;
        this.keywords = new ArrayList<>(keywords);
    }

    public Integer getId() {
        return id;
    }

    public Project getProject() {
        return project;
    }

    public void setProject(Project project) {
        this.project = project;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getKeywords() {
        return keywords;
    }

    public void setKeywords(List<String> keywords) {
        this.keywords = keywords;
    }

    public Integer getMaxImages() {
        return maxImages;
    }

    public void setMaxImages(Integer maxImages) {
        this.maxImages = maxImages;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public Integer getProgress() {
        return progress;
    }

    public void setProgress(Integer progress) {
        this.progress = progress;
    }

    public Integer getTotalImages() {
        return totalImages;
    }

    public void setTotalImages(Integer totalImages) {
        this.totalImages = totalImages;
    }

    public Integer getDownloadedImages() {
        return downloadedImages;
    }

    public void setDownloadedImages(Integer downloadedImages) {
        this.downloadedImages = downloadedImages;
    }

    public Integer getValidImages() {
        return validImages;
    }

    public void setValidImages(Integer validImages) {
        this.validImages = validImages;
    }

    public Integer getTotalChunks() {
        return totalChunks;
    }

    public void setTotalChunks(Integer totalChunks) {
        this.totalChunks = totalChunks;
    }

    public Integer getActiveChunks() {
        return activeChunks;
    }

    public void setActiveChunks(Integer activeChunks) {
        this.activeChunks = activeChunks;
    }

    public Integer getCompletedChunks() {
        return completedChunks;
    }

    public void setCompletedChunks(Integer completedChunks) {
        this.completedChunks = completedChunks;
    }

    public Integer getFailedChunks() {
        return failedChunks;
    }

    public void setFailedChunks(Integer failedChunks) {
        this.failedChunks = failedChunks;
    }

    public List<String> getTaskIds() {
        return taskIds;
    }

    public void setTaskIds(List<String> taskIds) {
        this.taskIds = taskIds;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<JobChunk> getChunks() {
        return chunks;
    }
}

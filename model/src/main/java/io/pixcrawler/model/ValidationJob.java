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
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Checks a crawl job's images against a set of rules. */
@Entity
@Table(name = "validation_jobs", indexes = {
        @Index(name = "ix_validation_job_status", columnList = "status"),
        @Index(name = "ix_validation_job_crawl_job_id", columnList = "crawl_job_id")
})
public class ValidationJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crawl_job_id", nullable = false, foreignKey = @ForeignKey(name = "fk_validation_jobs_crawl_job_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CrawlJob crawlJob;

    @NotNull
    @Size(max = 100)
    @Column(name = "name", length = 100, nullable = false)
    private String name;

    @NotNull
    @Size(max = 20)
    @ColumnDefault("'pending'")
    @Column(name = "status", length = 20, nullable = false)
    private String status = "pending";

    @NotNull
    @ColumnDefault("0")
    @Column(name = "progress", nullable = false)
    private Integer progress = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "total_images", nullable = false)
    private Integer totalImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "validated_images", nullable = false)
    private Integer validatedImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "invalid_images", nullable = false)
    private Integer invalidImages = 0;

    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'{}'::jsonb")
    @Column(name = "validation_rules", nullable = false)
    private Map<String, Object> validationRules = new HashMap<>();

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "error_message", columnDefinition = "text")
    private String errorMessage;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ValidationJob() {
    }

    public ValidationJob(CrawlJob crawlJob, String name) {
        this.crawlJob = crawlJob;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public CrawlJob getCrawlJob() {
        return crawlJob;
    }

    public void setCrawlJob(CrawlJob crawlJob) {
        this.crawlJob = crawlJob;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public Integer getValidatedImages() {
        return validatedImages;
    }

    public void setValidatedImages(Integer validatedImages) {
        this.validatedImages = validatedImages;
    }

    public Integer getInvalidImages() {
        return invalidImages;
    }

    public void setInvalidImages(Integer invalidImages) {
        this.invalidImages = invalidImages;
    }

    public Map<String, Object> getValidationRules() {
        return validationRules;
    }

    public void setValidationRules(Map<String, Object> validationRules) {
        this.validationRules = validationRules;
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

    public String getErrorMessage() {
        return errorMessage;
    }

    public void setErrorMessage(String errorMessage) {
        this.errorMessage = errorMessage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

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

/** Packs a crawl job's images into a downloadable file for a user. */
@Entity
@Table(name = "export_jobs", indexes = {
        @Index(name = "ix_export_job_status", columnList = "status"),
        @Index(name = "ix_export_job_user_id", columnList = "user_id"),
        @Index(name = "ix_export_job_crawl_job_id", columnList = "crawl_job_id")
})
public class ExportJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crawl_job_id", nullable = false, foreignKey = @ForeignKey(name = "fk_export_jobs_crawl_job_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CrawlJob crawlJob;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_export_jobs_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

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
    @Size(max = 20)
    @ColumnDefault("'zip'")
    @Column(name = "format", length = 20, nullable = false)
    private String format = "zip";

    @NotNull
    @ColumnDefault("0")
    @Column(name = "total_images", nullable = false)
    private Integer totalImages = 0;

    @NotNull
    @ColumnDefault("0")
    @Column(name = "exported_images", nullable = false)
    private Integer exportedImages = 0;

    /** In bytes. */
    @Column(name = "file_size")
    private Long fileSize;

    @Column(name = "download_url", columnDefinition = "text")
    private String downloadUrl;

    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'{}'::jsonb")
    @Column(name = "export_options", nullable = false)
    private Map<String, Object> exportOptions = new HashMap<>();

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

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

    protected ExportJob() {
    }

    public ExportJob(CrawlJob crawlJob, Profile user, String name) {
        this.crawlJob = crawlJob;
        this.user = user;
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

    public Profile getUser() {
        return user;
    }

    public void setUser(Profile user) {
        this.user = user;
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

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Integer getTotalImages() {
        return totalImages;
    }

    public void setTotalImages(Integer totalImages) {
        this.totalImages = totalImages;
    }

    public Integer getExportedImages() {
        return exportedImages;
    }

    public void setExportedImages(Integer exportedImages) {
        this.exportedImages = exportedImages;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    public String getDownloadUrl() {
        return downloadUrl;
    }

    public void setDownloadUrl(String downloadUrl) {
        this.downloadUrl = downloadUrl;
    }

    public Map<String, Object> getExportOptions() {
        return exportOptions;
    }

    public void setExportOptions(Map<String, Object> exportOptions) {
        this.exportOptions = exportOptions;
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

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
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

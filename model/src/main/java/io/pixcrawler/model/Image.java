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
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.time.Instant;

/** An image found by a crawl job. */
@Entity
@Table(name = "images", indexes = {
        @Index(name = "ix_image_crawl_job_id", columnList = "crawl_job_id"),
        @Index(name = "ix_images_created_at", columnList = "created_at")
})
public class Image {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "crawl_job_id", nullable = false, foreignKey = @ForeignKey(name = "fk_images_crawl_job_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CrawlJob crawlJob;

    @NotNull
    @Column(name = "original_url", columnDefinition = "text", nullable = false)
    private String originalUrl;

    @NotNull
    @Size(max = 255)
    @Column(name = "filename", length = 255, nullable = false)
    private String filename;

    @Column(name = "storage_url", columnDefinition = "text")
    private String storageUrl;

    @Column(name = "width")
    private Integer width;

    @Column(name = "height")
    private Integer height;

    /** In bytes. */
    @Column(name = "file_size")
    private Long fileSize;

    /** jpg, png, ... */
    @Size(max = 10)
    @Column(name = "format", length = 10)
    private String format;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Image() {
    }

    public Image(CrawlJob crawlJob, String originalUrl, String filename) {
        this.crawlJob = crawlJob;
        this.originalUrl = originalUrl;
        this.filename = filename;
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

    public String getOriginalUrl() {
        return originalUrl;
    }

    public void setOriginalUrl(String originalUrl) {
        this.originalUrl = originalUrl;
    }

    public String getFilename() {
        return filename;
    }

    public void setFilename(String filename) {
        this.filename = filename;
    }

    public String getStorageUrl() {
        return storageUrl;
    }

    public void setStorageUrl(String storageUrl) {
        this.storageUrl = storageUrl;
    }

    public Integer getWidth() {
        return width;
    }

    public void setWidth(Integer width) {
        this.width = width;
    }

    public Integer getHeight() {
        return height;
    }

    public void setHeight(Integer height) {
        this.height = height;
    }

    public Long getFileSize() {
        return fileSize;
    }

    public void setFileSize(Long fileSize) {
        this.fileSize = fileSize;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

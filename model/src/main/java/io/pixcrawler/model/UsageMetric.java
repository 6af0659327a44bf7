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
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A profile's usage and limits on one day. */
@Entity
@Table(name = "usage_metrics",
        uniqueConstraints = @UniqueConstraint(name = "uq_usage_metrics_user_date", columnNames = {"user_id", "metric_date"}),
        indexes = {
                @Index(name = "ix_usage_metrics_user_id", columnList = "user_id"),
                @Index(name = "ix_usage_metrics_metric_date", columnList = "metric_date"),
                @Index(name = "ix_usage_metrics_user_date", columnList = "user_id, metric_date")
        })
@Check(name = "ck_usage_metrics_images_processed_positive", constraints = "images_processed >= 0")
@Check(name = "ck_usage_metrics_images_limit_positive", constraints = "images_limit > 0")
@Check(name = "ck_usage_metrics_storage_used_gb_positive", constraints = "storage_used_gb >= 0")
@Check(name = "ck_usage_metrics_storage_limit_gb_positive", constraints = "storage_limit_gb > 0")
@Check(name = "ck_usage_metrics_api_calls_positive", constraints = "api_calls >= 0")
@Check(name = "ck_usage_metrics_api_calls_limit_positive", constraints = "api_calls_limit > 0")
@Check(name = "ck_usage_metrics_bandwidth_used_gb_positive", constraints = "bandwidth_used_gb >= 0")
@Check(name = "ck_usage_metrics_bandwidth_limit_gb_positive", constraints = "bandwidth_limit_gb > 0")
public class UsageMetric {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @ColumnDefault("gen_random_uuid()")
    @Column(name = "id")
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_usage_metrics_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    @NotNull
    @Column(name = "metric_date", nullable = false)
    private LocalDate metricDate;

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "images_processed", nullable = false)
    private Integer imagesProcessed = 0;

    @NotNull
    @Positive
    @ColumnDefault("10000")
    @Column(name = "images_limit", nullable = false)
    private Integer imagesLimit = 10000;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 8, fraction = 2)
    @ColumnDefault("0.00")
    @Column(name = "storage_used_gb", precision = 10, scale = 2, nullable = false)
    private BigDecimal storageUsedGb = new BigDecimal("0.00");

    @NotNull
    @Positive
    @Digits(integer = 8, fraction = 2)
    @ColumnDefault("100.00")
    @Column(name = "storage_limit_gb", precision = 10, scale = 2, nullable = false)
    private BigDecimal storageLimitGb = new BigDecimal("100.00");

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "api_calls", nullable = false)
    private Integer apiCalls = 0;

    @NotNull
    @Positive
    @ColumnDefault("50000")
    @Column(name = "api_calls_limit", nullable = false)
    private Integer apiCallsLimit = 50000;

    @NotNull
    @DecimalMin("0.00")
    @Digits(integer = 8, fraction = 2)
    @ColumnDefault("0.00")
    @Column(name = "bandwidth_used_gb", precision = 10, scale = 2, nullable = false)
    private BigDecimal bandwidthUsedGb = new BigDecimal("0.00");

    @NotNull
    @Positive
    @Digits(integer = 8, fraction = 2)
    @ColumnDefault("500.00")
    @Column(name = "bandwidth_limit_gb", precision = 10, scale = 2, nullable = false)
    private BigDecimal bandwidthLimitGb = new BigDecimal("500.00");

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected UsageMetric() {
    }

    public UsageMetric(Profile user, LocalDate metricDate) {
        this.user = user;
        this.metricDate = metricDate;
    }

    public UUID getId() {
        return id;
    }

    public Profile getUser() {
        return user;
    }

    public void setUser(Profile user) {
        this.user = user;
    }

    public LocalDate getMetricDate() {
        return metricDate;
    }

    public void setMetricDate(LocalDate metricDate) {
        this.metricDate = metricDate;
    }

    public Integer getImagesProcessed() {
        return imagesProcessed;
    }

    public void setImagesProcessed(Integer imagesProcessed) {
        this.imagesProcessed = imagesProcessed;
    }

    public Integer getImagesLimit() {
        return imagesLimit;
    }

    public void setImagesLimit(Integer imagesLimit) {
        this.imagesLimit = imagesLimit;
    }

    public BigDecimal getStorageUsedGb() {
        return storageUsedGb;
    }

    public void setStorageUsedGb(BigDecimal storageUsedGb) {
        this.storageUsedGb = storageUsedGb;
    }

    public BigDecimal getStorageLimitGb() {
        return storageLimitGb;
    }

    public void setStorageLimitGb(BigDecimal storageLimitGb) {
        this.storageLimitGb = storageLimitGb;
    }

    public Integer getApiCalls() {
        return apiCalls;
    }

    public void setApiCalls(Integer apiCalls) {
        this.apiCalls = apiCalls;
    }

    public Integer getApiCallsLimit() {
        return apiCallsLimit;
    }

    public void setApiCallsLimit(Integer apiCallsLimit) {
        this.apiCallsLimit = apiCallsLimit;
    }

    public BigDecimal getBandwidthUsedGb() {
        return bandwidthUsedGb;
    }

    public void setBandwidthUsedGb(BigDecimal bandwidthUsedGb) {
        this.bandwidthUsedGb = bandwidthUsedGb;
    }

    public BigDecimal getBandwidthLimitGb() {
        return bandwidthLimitGb;
    }

    public void setBandwidthLimitGb(BigDecimal bandwidthLimitGb) {
        this.bandwidthLimitGb = bandwidthLimitGb;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

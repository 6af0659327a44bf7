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
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/** Which notifications a profile receives, and how; one per profile. */
@Entity
@Table(name = "notification_preferences",
        uniqueConstraints = @UniqueConstraint(name = "uq_notification_preferences_user_id", columnNames = "user_id"),
        indexes = @Index(name = "ix_notification_preferences_user_id", columnList = "user_id"))
@Check(name = "ck_notification_preferences_digest_frequency_valid",
        constraints = "digest_frequency IN ('realtime','daily','weekly','never')")
public class NotificationPreference {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @ColumnDefault("gen_random_uuid()")
    @Column(name = "id")
    private UUID id;

    // @ManyToOne with a named unique constraint: @OneToOne would add a second, unnamed unique key.
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_notification_preferences_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "email_enabled", nullable = false)
    private Boolean emailEnabled = true;

    @NotNull
    @ColumnDefault("false")
    @Column(name = "push_enabled", nullable = false)
    private Boolean pushEnabled = false;

    @NotNull
    @ColumnDefault("false")
    @Column(name = "sms_enabled", nullable = false)
    private Boolean smsEnabled = false;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "crawl_jobs_enabled", nullable = false)
    private Boolean crawlJobsEnabled = true;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "datasets_enabled", nullable = false)
    private Boolean datasetsEnabled = true;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "billing_enabled", nullable = false)
    private Boolean billingEnabled = true;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "security_enabled", nullable = false)
    private Boolean securityEnabled = true;

    @NotNull
    @ColumnDefault("true")
    @Column(name = "product_updates_enabled", nullable = false)
    private Boolean productUpdatesEnabled = true;

    @NotNull
    @ColumnDefault("false")
    @Column(name = "marketing_enabled", nullable = false)
    private Boolean marketingEnabled = false;

    @NotNull
    @ColumnDefault("'daily'")
    @Convert(converter = DigestFrequency.Converter.class)
    @Column(name = "digest_frequency", length = 20, nullable = false)
    private DigestFrequency digestFrequency = DigestFrequency.DAILY;

    // Hibernate 7 maps LocalTime to time(0); the schema's time keeps microseconds, as on Hibernate 6
    @Column(name = "quiet_hours_start", secondPrecision = 6)
    private LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end", secondPrecision = 6)
    private LocalTime quietHoursEnd;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected NotificationPreference() {
    }

    public NotificationPreference(Profile user) {
        this.user = user;
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

    public Boolean getEmailEnabled() {
        return emailEnabled;
    }

    public void setEmailEnabled(Boolean emailEnabled) {
        this.emailEnabled = emailEnabled;
    }

    public Boolean getPushEnabled() {
        return pushEnabled;
    }

    public void setPushEnabled(Boolean pushEnabled) {
        this.pushEnabled = pushEnabled;
    }

    public Boolean getSmsEnabled() {
        return smsEnabled;
    }

    public void setSmsEnabled(Boolean smsEnabled) {
        this.smsEnabled = smsEnabled;
    }

    public Boolean getCrawlJobsEnabled() {
        return crawlJobsEnabled;
    }

    public void setCrawlJobsEnabled(Boolean crawlJobsEnabled) {
        this.crawlJobsEnabled = crawlJobsEnabled;
    }

    public Boolean getDatasetsEnabled() {
        return datasetsEnabled;
    }

    public void setDatasetsEnabled(Boolean datasetsEnabled) {
        this.datasetsEnabled = datasetsEnabled;
    }

    public Boolean getBillingEnabled() {
        return billingEnabled;
    }

    public void setBillingEnabled(Boolean billingEnabled) {
        this.billingEnabled = billingEnabled;
    }

    public Boolean getSecurityEnabled() {
        return securityEnabled;
    }

    public void setSecurityEnabled(Boolean securityEnabled) {
        this.securityEnabled = securityEnabled;
    }

    public Boolean getProductUpdatesEnabled() {
        return productUpdatesEnabled;
    }

    public void setProductUpdatesEnabled(Boolean productUpdatesEnabled) {
        this.productUpdatesEnabled = productUpdatesEnabled;
    }

    public Boolean getMarketingEnabled() {
        return marketingEnabled;
    }

    public void setMarketingEnabled(Boolean marketingEnabled) {
        this.marketingEnabled = marketingEnabled;
    }

    public DigestFrequency getDigestFrequency() {
        return digestFrequency;
    }

    public void setDigestFrequency(DigestFrequency digestFrequency) {
        this.digestFrequency = digestFrequency;
    }

    public LocalTime getQuietHoursStart() {
        return quietHoursStart;
    }

    public void setQuietHoursStart(LocalTime quietHoursStart) {
        this.quietHoursStart = quietHoursStart;
    }

    public LocalTime getQuietHoursEnd() {
        return quietHoursEnd;
    }

    public void setQuietHoursEnd(LocalTime quietHoursEnd) {
        this.quietHoursEnd = quietHoursEnd;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

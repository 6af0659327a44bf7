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
import jakarta.validation.constraints.Positive;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A key for the public API. Only a hash of the key is stored, never the key. */
@Entity
@Table(name = "api_keys",
        uniqueConstraints = @UniqueConstraint(name = "uq_api_keys_key_hash", columnNames = "key_hash"),
        indexes = {
                @Index(name = "ix_api_keys_user_id", columnList = "user_id"),
                @Index(name = "ix_api_keys_key_hash", columnList = "key_hash"),
                @Index(name = "ix_api_keys_key_prefix", columnList = "key_prefix"),
                @Index(name = "ix_api_keys_status", columnList = "status"),
                @Index(name = "ix_api_keys_last_used_at", columnList = "last_used_at"),
                @Index(name = "ix_api_keys_expires_at", columnList = "expires_at"),
                @Index(name = "ix_api_keys_user_status", columnList = "user_id, status")
        })
@Check(name = "ck_api_keys_status_valid", constraints = "status IN ('active','revoked','expired')")
@Check(name = "ck_api_keys_rate_limit_positive", constraints = "rate_limit > 0")
@Check(name = "ck_api_keys_usage_count_positive", constraints = "usage_count >= 0")
public class ApiKey {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @ColumnDefault("gen_random_uuid()")
    @Column(name = "id")
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_api_keys_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    @NotNull
    @Size(max = 200)
    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @NotNull
    @Size(max = 255)
    @Column(name = "key_hash", length = 255, nullable = false)
    private String keyHash;

    /** The key's visible start, e.g. {@code pk_live_}. */
    @NotNull
    @Size(max = 20)
    @Column(name = "key_prefix", length = 20, nullable = false)
    private String keyPrefix;

    @NotNull
    @ColumnDefault("'active'")
    @Convert(converter = ApiKeyStatus.Converter.class)
    @Column(name = "status", length = 20, nullable = false)
    private ApiKeyStatus status = ApiKeyStatus.ACTIVE;

    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @ColumnDefault("'[]'::jsonb")
    @Column(name = "permissions", nullable = false)
    private List<String> permissions = new ArrayList<>();

    @NotNull
    @Positive
    @ColumnDefault("1000")
    @Column(name = "rate_limit", nullable = false)
    private Integer rateLimit = 1000;

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "usage_count", nullable = false)
    private Integer usageCount = 0;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** Long enough for an IPv6 address. */
    @Size(max = 45)
    @Column(name = "last_used_ip", length = 45)
    private String lastUsedIp;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ApiKey() {
    }

    public ApiKey(Profile user, String name, String keyHash, String keyPrefix) {
        this.user = user;
        this.name = name;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public void setKeyHash(String keyHash) {
        this.keyHash = keyHash;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public ApiKeyStatus getStatus() {
        return status;
    }

    public void setStatus(ApiKeyStatus status) {
        this.status = status;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions;
    }

    public Integer getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(Integer rateLimit) {
        this.rateLimit = rateLimit;
    }

    public Integer getUsageCount() {
        return usageCount;
    }

    public void setUsageCount(Integer usageCount) {
        this.usageCount = usageCount;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public String getLastUsedIp() {
        return lastUsedIp;
    }

    public void setLastUsedIp(String lastUsedIp) {
        this.lastUsedIp = lastUsedIp;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

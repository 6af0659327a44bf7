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
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** An audit entry; it outlives its user (the FK is set to null when the profile is deleted). */
@Entity
@Table(name = "activity_logs", indexes = {
        @Index(name = "ix_activity_log_user_id", columnList = "user_id"),
        @Index(name = "ix_activity_log_timestamp", columnList = "timestamp"),
        @Index(name = "ix_activity_logs_resource", columnList = "resource_type, resource_id")
})
public class ActivityLog {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", foreignKey = @ForeignKey(name = "fk_activity_logs_user_id"))
    @OnDelete(action = OnDeleteAction.SET_NULL)
    private Profile user;

    @NotNull
    @Column(name = "action", columnDefinition = "text", nullable = false)
    private String action;

    @Size(max = 50)
    @Column(name = "resource_type", length = 50)
    private String resourceType;

    @Size(max = 50)
    @Column(name = "resource_id", length = 50)
    private String resourceId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata")
    private Map<String, Object> metadata;

    /** When it happened; {@code timestamp} is a keyword, so the name is quoted. */
    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "`timestamp`", nullable = false, updatable = false)
    private Instant timestamp;

    protected ActivityLog() {
    }

    public ActivityLog(Profile user, String action) {
        this.user = user;
        this.action = action;
    }

    public Integer getId() {
        return id;
    }

    public Profile getUser() {
        return user;
    }

    public void setUser(Profile user) {
        this.user = user;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getResourceType() {
        return resourceType;
    }

    public void setResourceType(String resourceType) {
        this.resourceType = resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public Instant getTimestamp() {
        return timestamp;
    }
}

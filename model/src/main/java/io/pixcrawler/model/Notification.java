package io.pixcrawler.model;

import io.diffgen.annotations.PartialIndex;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** A message shown to a user. */
@Entity
@Table(name = "notifications", indexes = {
        @Index(name = "ix_notifications_user_id", columnList = "user_id"),
        @Index(name = "ix_notifications_is_read", columnList = "is_read"),
        @Index(name = "ix_notifications_type", columnList = "type"),
        @Index(name = "ix_notifications_category", columnList = "category"),
        @Index(name = "ix_notifications_created_at", columnList = "created_at DESC"),
        @Index(name = "ix_notifications_user_created", columnList = "user_id, created_at")
})
@PartialIndex(name = "ix_notifications_user_unread", columnList = "user_id, is_read", where = "is_read = false")
@Check(name = "ck_notifications_type_valid", constraints = "type IN ('success','info','warning','error')")
@Check(name = "ck_notifications_category_valid",
        constraints = "category IN ('crawl_job','payment','system','security','dataset','project') OR category IS NULL")
public class Notification {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Integer id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_notifications_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    @NotNull
    @Size(max = 255)
    @Column(name = "title", length = 255, nullable = false)
    private String title;

    @NotNull
    @Column(name = "message", columnDefinition = "text", nullable = false)
    private String message;

    /** {@code type} is a keyword, so the name is quoted. */
    @NotNull
    @Convert(converter = NotificationType.Converter.class)
    @Column(name = "`type`", length = 50, nullable = false)
    private NotificationType type;

    @Convert(converter = NotificationCategory.Converter.class)
    @Column(name = "category", length = 50)
    private NotificationCategory category;

    @Size(max = 50)
    @Column(name = "icon", length = 50)
    private String icon;

    @Size(max = 20)
    @Column(name = "color", length = 20)
    private String color;

    @Column(name = "action_url", columnDefinition = "text")
    private String actionUrl;

    @Size(max = 100)
    @Column(name = "action_label", length = 100)
    private String actionLabel;

    @NotNull
    @ColumnDefault("false")
    @Column(name = "is_read", nullable = false)
    private Boolean read = false;

    @Column(name = "read_at")
    private Instant readAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata")
    private Map<String, Object> metadata;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Notification() {
    }

    public Notification(Profile user, NotificationType type, String title, String message) {
        this.user = user;
        this.type = type;
        this.title = title;
        this.message = message;
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public NotificationType getType() {
        return type;
    }

    public void setType(NotificationType type) {
        this.type = type;
    }

    public NotificationCategory getCategory() {
        return category;
    }

    public void setCategory(NotificationCategory category) {
        this.category = category;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }

    public String getColor() {
        return color;
    }

    public void setColor(String color) {
        this.color = color;
    }

    public String getActionUrl() {
        return actionUrl;
    }

    public void setActionUrl(String actionUrl) {
        this.actionUrl = actionUrl;
    }

    public String getActionLabel() {
        return actionLabel;
    }

    public void setActionLabel(String actionLabel) {
        this.actionLabel = actionLabel;
    }

    public Boolean getRead() {
        return read;
    }

    public void setRead(Boolean read) {
        this.read = read;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public void setReadAt(Instant readAt) {
        this.readAt = readAt;
    }

    public Map<String, Object> getMetadata() {
        return metadata;
    }

    public void setMetadata(Map<String, Object> metadata) {
        this.metadata = metadata;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}

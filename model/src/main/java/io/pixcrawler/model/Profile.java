package io.pixcrawler.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A user; the id is supplied by the auth provider. */
@Entity
@Table(name = "profiles",
        uniqueConstraints = @UniqueConstraint(name = "uq_profiles_email", columnNames = "email"),
        indexes = {
                @Index(name = "ix_profiles_email", columnList = "email"),
                @Index(name = "ix_profiles_user_tier", columnList = "user_tier"),
                @Index(name = "ix_profiles_created_at", columnList = "created_at")
        })
@Check(name = "ck_profiles_user_tier_valid", constraints = "user_tier IN ('FREE','PRO','ENTERPRISE')")
@NamedQuery(name = Profile.COUNT_BY_TIER,
        query = "select p.userTier, count(p) from Profile p group by p.userTier")
public class Profile {
    public static final String COUNT_BY_TIER = "Profile.countByTier";

    @Id
    @NotNull
    @Column(name = "id", nullable = false)
    private UUID id;

    @NotNull
    @Size(max = 255)
    @Column(name = "email", length = 255, nullable = false)
    private String email;

    @Size(max = 100)
    @Column(name = "full_name", length = 100)
    private String fullName;

    @Column(name = "avatar_url", columnDefinition = "text")
    private String avatarUrl;

    @NotNull
    @Size(max = 20)
    @ColumnDefault("'user'")
    @Column(name = "role", length = 20, nullable = false)
    private String role = "user";

    @NotNull
    @ColumnDefault("'FREE'")
    @Convert(converter = UserTier.Converter.class)
    @Column(name = "user_tier", length = 20, nullable = false)
    private UserTier userTier = UserTier.FREE;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "user")
    private List<Project> projects = new ArrayList<>();

    protected Profile() {
    }

    public Profile(UUID id, String email) {
        this.id = id;
        this.email = email;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }

    public void setAvatarUrl(String avatarUrl) {
        this.avatarUrl = avatarUrl;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public UserTier getUserTier() {
        return userTier;
    }

    public void setUserTier(UserTier userTier) {
        this.userTier = userTier;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<Project> getProjects() {
        return projects;
    }
}

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
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.annotations.UpdateTimestamp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A profile's credit balance and refill settings; one per profile. */
@Entity
@Table(name = "credit_accounts",
        uniqueConstraints = @UniqueConstraint(name = "uq_credit_accounts_user_id", columnNames = "user_id"),
        indexes = @Index(name = "ix_credit_accounts_user_id", columnList = "user_id"))
@Check(name = "ck_credit_accounts_balance_positive", constraints = "current_balance >= 0")
@Check(name = "ck_credit_accounts_monthly_usage_positive", constraints = "monthly_usage >= 0")
@Check(name = "ck_credit_accounts_refill_threshold_positive", constraints = "refill_threshold > 0")
@Check(name = "ck_credit_accounts_refill_amount_positive", constraints = "refill_amount > 0")
@Check(name = "ck_credit_accounts_monthly_limit_positive", constraints = "monthly_limit > 0")
public class CreditAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @ColumnDefault("gen_random_uuid()")
    @Column(name = "id")
    private UUID id;

    // @ManyToOne with a named unique constraint: @OneToOne would add a second, unnamed unique key.
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_credit_accounts_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "current_balance", nullable = false)
    private Integer currentBalance = 0;

    @NotNull
    @PositiveOrZero
    @ColumnDefault("0")
    @Column(name = "monthly_usage", nullable = false)
    private Integer monthlyUsage = 0;

    @NotNull
    @Digits(integer = 8, fraction = 2)
    @ColumnDefault("0.00")
    @Column(name = "average_daily_usage", precision = 10, scale = 2, nullable = false)
    private BigDecimal averageDailyUsage = new BigDecimal("0.00");

    @NotNull
    @ColumnDefault("false")
    @Column(name = "auto_refill_enabled", nullable = false)
    private Boolean autoRefillEnabled = false;

    @NotNull
    @Positive
    @ColumnDefault("100")
    @Column(name = "refill_threshold", nullable = false)
    private Integer refillThreshold = 100;

    @NotNull
    @Positive
    @ColumnDefault("500")
    @Column(name = "refill_amount", nullable = false)
    private Integer refillAmount = 500;

    @NotNull
    @Positive
    @ColumnDefault("2000")
    @Column(name = "monthly_limit", nullable = false)
    private Integer monthlyLimit = 2000;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @UpdateTimestamp
    @ColumnDefault("now()")
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CreditAccount() {
    }

    public CreditAccount(Profile user) {
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

    public Integer getCurrentBalance() {
        return currentBalance;
    }

    public void setCurrentBalance(Integer currentBalance) {
        this.currentBalance = currentBalance;
    }

    public Integer getMonthlyUsage() {
        return monthlyUsage;
    }

    public void setMonthlyUsage(Integer monthlyUsage) {
        this.monthlyUsage = monthlyUsage;
    }

    public BigDecimal getAverageDailyUsage() {
        return averageDailyUsage;
    }

    public void setAverageDailyUsage(BigDecimal averageDailyUsage) {
        this.averageDailyUsage = averageDailyUsage;
    }

    public Boolean getAutoRefillEnabled() {
        return autoRefillEnabled;
    }

    public void setAutoRefillEnabled(Boolean autoRefillEnabled) {
        this.autoRefillEnabled = autoRefillEnabled;
    }

    public Integer getRefillThreshold() {
        return refillThreshold;
    }

    public void setRefillThreshold(Integer refillThreshold) {
        this.refillThreshold = refillThreshold;
    }

    public Integer getRefillAmount() {
        return refillAmount;
    }

    public void setRefillAmount(Integer refillAmount) {
        this.refillAmount = refillAmount;
    }

    public Integer getMonthlyLimit() {
        return monthlyLimit;
    }

    public void setMonthlyLimit(Integer monthlyLimit) {
        this.monthlyLimit = monthlyLimit;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

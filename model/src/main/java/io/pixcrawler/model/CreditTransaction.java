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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A change to a credit account's balance. */
@Entity
@Table(name = "credit_transactions", indexes = {
        @Index(name = "ix_credit_transactions_account_id", columnList = "account_id"),
        @Index(name = "ix_credit_transactions_user_id", columnList = "user_id"),
        @Index(name = "ix_credit_transactions_type", columnList = "type"),
        @Index(name = "ix_credit_transactions_status", columnList = "status"),
        @Index(name = "ix_credit_transactions_created_at", columnList = "created_at"),
        @Index(name = "ix_credit_transactions_user_created", columnList = "user_id, created_at")
})
@Check(name = "ck_credit_transactions_type_valid", constraints = "type IN ('purchase','usage','refund','bonus')")
@Check(name = "ck_credit_transactions_balance_positive", constraints = "balance_after >= 0")
@Check(name = "ck_credit_transactions_status_valid",
        constraints = "status IN ('completed','pending','failed','cancelled')")
public class CreditTransaction {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    @ColumnDefault("gen_random_uuid()")
    @Column(name = "id")
    private UUID id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", nullable = false, foreignKey = @ForeignKey(name = "fk_credit_transactions_account_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private CreditAccount account;

    /** Denormalised from the account, for per-user queries. */
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, foreignKey = @ForeignKey(name = "fk_credit_transactions_user_id"))
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Profile user;

    /** {@code type} is a keyword, so the name is quoted. */
    @NotNull
    @Convert(converter = CreditTransactionType.Converter.class)
    @Column(name = "`type`", length = 20, nullable = false)
    private CreditTransactionType type;

    @NotNull
    @Column(name = "description", columnDefinition = "text", nullable = false)
    private String description;

    /** Positive adds credits, negative uses them. */
    @NotNull
    @Column(name = "amount", nullable = false)
    private Integer amount;

    @NotNull
    @PositiveOrZero
    @Column(name = "balance_after", nullable = false)
    private Integer balanceAfter;

    @NotNull
    @ColumnDefault("'completed'")
    @Convert(converter = CreditTransactionStatus.Converter.class)
    @Column(name = "status", length = 20, nullable = false)
    private CreditTransactionStatus status = CreditTransactionStatus.COMPLETED;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata")
    private Map<String, Object> metadata;

    @CreationTimestamp
    @ColumnDefault("now()")
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CreditTransaction() {
    }

    public CreditTransaction(CreditAccount account, CreditTransactionType type, String description,
                             int amount, int balanceAfter) {
        this.account = account;
        this.user = account.getUser();
        this.type = type;
        this.description = description;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
    }

    public UUID getId() {
        return id;
    }

    public CreditAccount getAccount() {
        return account;
    }

    public void setAccount(CreditAccount account) {
        this.account = account;
    }

    public Profile getUser() {
        return user;
    }

    public void setUser(Profile user) {
        this.user = user;
    }

    public CreditTransactionType getType() {
        return type;
    }

    public void setType(CreditTransactionType type) {
        this.type = type;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Integer getAmount() {
        return amount;
    }

    public void setAmount(Integer amount) {
        this.amount = amount;
    }

    public Integer getBalanceAfter() {
        return balanceAfter;
    }

    public void setBalanceAfter(Integer balanceAfter) {
        this.balanceAfter = balanceAfter;
    }

    public CreditTransactionStatus getStatus() {
        return status;
    }

    public void setStatus(CreditTransactionStatus status) {
        this.status = status;
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

package io.pixcrawler.model;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresExtension;
import io.diffgen.testkit.TestDatabase;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every entity written and read back on real PostgreSQL, and the schema's rules seen from Java. */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class PersistenceRoundTripTest {
    private SessionFactory sessionFactory;
    private TestDatabase db;

    @BeforeAll
    void start(TestDatabase db) {
        this.db = db;
        sessionFactory = TestSessionFactories.create(db);
    }

    @AfterAll
    void stop() {
        sessionFactory.close();
    }

    @BeforeEach
    void empty() {
        db.execute("truncate profiles cascade");
    }

    @Test
    void everyEntityRoundTrips() {
        UUID userId = UUID.randomUUID();
        Ids ids = sessionFactory.fromTransaction(s -> {
            Profile profile = new Profile(userId, "ada@example.com");
            profile.setUserTier(UserTier.ENTERPRISE);
            s.persist(profile);
            Project project = new Project(profile, "birds");
            s.persist(project);
            CrawlJob job = new CrawlJob(project, "crawl", List.of("heron", "egret"));
            s.persist(job);
            JobChunk chunk = new JobChunk(job, 0, new ImageRange(0, 249));
            s.persist(chunk);
            Image image = new Image(job, "https://example.com/a.jpg", "a.jpg");
            image.setFileSize(5_000_000_000L);
            s.persist(image);
            ActivityLog log = new ActivityLog(profile, "login");
            log.setMetadata(Map.of("ip", "::1", "attempt", 2));
            s.persist(log);
            ValidationJob validation = new ValidationJob(job, "check");
            validation.setValidationRules(Map.of("min_width", 640));
            s.persist(validation);
            s.persist(new ExportJob(job, profile, "export"));
            CreditAccount account = new CreditAccount(profile);
            account.setAverageDailyUsage(new BigDecimal("12.35"));
            s.persist(account);
            CreditTransaction tx = new CreditTransaction(account, CreditTransactionType.PURCHASE, "top up", 500, 500);
            s.persist(tx);
            Notification notification = new Notification(profile, NotificationType.WARNING, "Low", "Credits are low");
            notification.setCategory(NotificationCategory.CRAWL_JOB);
            s.persist(notification);
            NotificationPreference preference = new NotificationPreference(profile);
            preference.setDigestFrequency(DigestFrequency.WEEKLY);
            preference.setQuietHoursStart(LocalTime.of(22, 30));
            s.persist(preference);
            ApiKey key = new ApiKey(profile, "ci", "hash-1", "pk_live_");
            key.setPermissions(List.of("read", "write"));
            s.persist(key);
            s.persist(new UsageMetric(profile, LocalDate.of(2024, 2, 29)));
            return new Ids(job.getId(), chunk.getId(), log.getId(), tx.getId(), notification.getId(), key.getId());
        });

        sessionFactory.inTransaction(s -> {
            Profile profile = s.find(Profile.class, userId);
            assertEquals(UserTier.ENTERPRISE, profile.getUserTier());
            assertEquals("user", profile.getRole());
            assertNotNull(profile.getCreatedAt());
            CrawlJob job = s.find(CrawlJob.class, ids.job());
            assertEquals(List.of("heron", "egret"), job.getKeywords());
            assertEquals(List.of(), job.getTaskIds());
            assertEquals(new ImageRange(0, 249), s.find(JobChunk.class, ids.chunk()).getImageRange());
            assertEquals(Map.of("ip", "::1", "attempt", 2), s.find(ActivityLog.class, ids.log()).getMetadata());
            assertNotNull(s.find(ActivityLog.class, ids.log()).getTimestamp());
            CreditTransaction tx = s.find(CreditTransaction.class, ids.transaction());
            assertEquals(CreditTransactionType.PURCHASE, tx.getType());
            assertEquals(CreditTransactionStatus.COMPLETED, tx.getStatus());
            assertEquals(new BigDecimal("12.35"), tx.getAccount().getAverageDailyUsage());
            assertEquals(NotificationCategory.CRAWL_JOB, s.find(Notification.class, ids.notification()).getCategory());
            assertEquals(List.of("read", "write"), s.find(ApiKey.class, ids.apiKey()).getPermissions());
            NotificationPreference preference = s.createQuery("from NotificationPreference", NotificationPreference.class)
                    .getSingleResult();
            assertEquals(DigestFrequency.WEEKLY, preference.getDigestFrequency());
            assertEquals(LocalTime.of(22, 30), preference.getQuietHoursStart());
            UsageMetric metric = s.createQuery("from UsageMetric", UsageMetric.class).getSingleResult();
            assertEquals(new BigDecimal("500.00"), metric.getBandwidthLimitGb());
            assertEquals(LocalDate.of(2024, 2, 29), metric.getMetricDate());
        });

        assertEquals("image_range={\"end\": 249, \"start\": 0} keywords=[\"heron\", \"egret\"]",
                sessionFactory.fromTransaction(s -> s.createNativeQuery(
                        "select 'image_range=' || cast(c.image_range as text) || ' keywords=' || cast(j.keywords as text)"
                                + " from job_chunks c join crawl_jobs j on j.id = c.job_id", String.class)
                        .getSingleResult()));
    }

    @Test
    void rowsInsertedWithoutTheDefaultedColumnsReadBackLikeNewEntities() {
        UUID userId = UUID.randomUUID();
        db.execute("insert into profiles (id, email) values ('" + userId + "', 'sql@example.com')",
                "insert into credit_accounts (user_id) values ('" + userId + "')",
                "insert into api_keys (user_id, name, key_hash, key_prefix) values ('" + userId + "', 'k', 'h', 'pk_')",
                "insert into usage_metrics (user_id, metric_date) values ('" + userId + "', current_date)");
        sessionFactory.inTransaction(s -> {
            Profile profile = s.find(Profile.class, userId);
            assertEquals(UserTier.FREE, profile.getUserTier());
            CreditAccount account = s.createQuery("from CreditAccount", CreditAccount.class).getSingleResult();
            CreditAccount fresh = new CreditAccount(profile);
            assertNotNull(account.getId());
            assertEquals(fresh.getAverageDailyUsage(), account.getAverageDailyUsage());
            assertEquals(fresh.getRefillAmount(), account.getRefillAmount());
            assertEquals(fresh.getAutoRefillEnabled(), account.getAutoRefillEnabled());
            ApiKey key = s.createQuery("from ApiKey", ApiKey.class).getSingleResult();
            assertEquals(ApiKeyStatus.ACTIVE, key.getStatus());
            assertEquals(List.of(), key.getPermissions());
            assertEquals(new UsageMetric(profile, null).getStorageLimitGb(),
                    s.createQuery("from UsageMetric", UsageMetric.class).getSingleResult().getStorageLimitGb());
        });
    }

    @Test
    void deletingAProfileCascadesButKeepsItsActivityLog() {
        UUID userId = UUID.randomUUID();
        sessionFactory.inTransaction(s -> {
            Profile profile = new Profile(userId, "gone@example.com");
            s.persist(profile);
            Project project = new Project(profile, "p");
            s.persist(project);
            CrawlJob job = new CrawlJob(project, "j", List.of("x"));
            s.persist(job);
            s.persist(new JobChunk(job, 0, new ImageRange(0, 9)));
            s.persist(new ActivityLog(profile, "signup"));
            s.persist(new CreditTransaction(persisted(s, new CreditAccount(profile)), CreditTransactionType.BONUS, "hi", 10, 10));
        });

        db.execute("delete from profiles");

        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 1L), sessionFactory.fromTransaction(s -> List.of(
                count(s, "Project"), count(s, "CrawlJob"), count(s, "JobChunk"),
                count(s, "CreditAccount"), count(s, "CreditTransaction"), count(s, "ActivityLog"))));
        assertNull(sessionFactory.fromTransaction(s ->
                s.createQuery("from ActivityLog", ActivityLog.class).getSingleResult().getUser()));
    }

    @Test
    void beanValidationRejectsWhatTheChecksWouldReject() {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class, () ->
                sessionFactory.inTransaction(s -> {
                    Profile profile = new Profile(UUID.randomUUID(), "v@example.com");
                    s.persist(profile);
                    CrawlJob job = new CrawlJob(persisted(s, new Project(profile, "p")), "j", List.of());
                    s.persist(job);
                    JobChunk chunk = new JobChunk(job, 0, new ImageRange(0, 1));
                    chunk.setPriority(11);
                    s.persist(chunk);
                }));
        assertEquals("priority", e.getConstraintViolations().iterator().next().getPropertyPath().toString());
    }

    @Test
    void theDatabaseEnforcesTheNamedChecks() {
        UUID userId = UUID.randomUUID();
        db.execute("insert into profiles (id, email) values ('" + userId + "', 'c@example.com')");
        IllegalStateException tier = assertThrows(IllegalStateException.class, () ->
                db.execute("update profiles set user_tier = 'GOLD'"));
        assertTrue(tier.getMessage().contains("ck_profiles_user_tier_valid"), tier.getMessage());
        IllegalStateException duplicate = assertThrows(IllegalStateException.class, () ->
                db.execute("insert into credit_accounts (user_id) values ('" + userId + "')",
                        "insert into credit_accounts (user_id) values ('" + userId + "')"));
        assertTrue(duplicate.getMessage().contains("uq_credit_accounts_user_id"), duplicate.getMessage());
    }

    private record Ids(int job, int chunk, int log, UUID transaction, int notification, UUID apiKey) {
    }

    private static <T> T persisted(org.hibernate.Session session, T entity) {
        session.persist(entity);
        return entity;
    }

    private static long count(org.hibernate.Session session, String entity) {
        return session.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult();
    }
}

package io.diffgen;

import org.junit.jupiter.api.Tag;
import io.diffgen.snapshot.CheckConstraint;
import io.diffgen.snapshot.Index;
import io.diffgen.snapshot.SchemaSnapshot;
import io.diffgen.snapshot.Table;
import io.diffgen.testkit.PostgresExtension;
import io.diffgen.testkit.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.diffgen.Cli.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The project's own migrations, as committed: upgraded from empty they give every named fact of
 * shared/spec/pixcrawler-schema.md, the entities then report no difference, and every step of the
 * history rolls back to exactly the catalog it came from.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class PixCrawlerHistoryTest {
    static final Path MIGRATIONS = Path.of("../migrations");
    static final List<String> MODEL = List.of("--model-package", "io.pixcrawler.model");

    private List<String> on;
    private SchemaSnapshot head;

    @BeforeAll
    void upgradeFromEmpty(TestDatabase db) {
        on = args("--url", db.url(), "--migrations", MIGRATIONS);
        Cli.run(args("upgrade", "head", on)).assertOk();
        head = Catalogs.read(db);
    }

    @Test
    void checkAtHeadReportsNoDifference() {
        Cli.Result check = Cli.run(args("check", on, MODEL));
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertEquals("No new upgrade operations detected.\n", check.out());
    }

    @Test
    void autogenerateAtHeadWritesNothing(@TempDir Path work) throws IOException {
        Path copy = work.resolve("migrations");
        copyTree(MIGRATIONS, copy);
        List<Path> before = list(copy.resolve("versions"));
        Cli.Result result = Cli.run(args("revision", "--autogenerate", "-m", "nothing", on.subList(0, 2), "--migrations", copy, MODEL)).assertOk();
        assertEquals("No changes detected\n", result.out());
        assertEquals(before, list(copy.resolve("versions")), "no file may be written when nothing changed");
    }

    @Test
    void checkWithoutUrlReplaysTheMigrationsOnAThrowawayDatabase() {
        Cli.Result check = Cli.run(args("check", "--migrations", MIGRATIONS, MODEL));
        assertEquals(0, check.exitCode(), check.out() + check.err());
    }

    @Test
    void headHoldsEveryNamedFactOfTheSpec() {
        assertEquals(Spec.TABLES, head.tables().keySet().stream().sorted().toList());
        assertEquals(Spec.INDEXES, indexes(head));
        assertEquals(Spec.CHECK_NAMES, checks(head));
        assertEquals(Spec.UNIQUES, uniques(head));
        assertEquals(Spec.FOREIGN_KEYS, foreignKeys(head));
        Index partial = head.tables().get("notifications").indexes().stream()
                .filter(i -> i.name().equals("ix_notifications_user_unread")).findFirst().orElseThrow();
        assertEquals(java.util.Optional.of("is_read = false"), partial.where());
        Index desc = head.tables().get("notifications").indexes().stream()
                .filter(i -> i.name().equals("ix_notifications_created_at")).findFirst().orElseThrow();
        assertTrue(desc.keys().get(0).descending(), "ix_notifications_created_at is DESC");
        Map<String, String> profiles = columns(head.tables().get("profiles"));
        assertEquals("uuid NOT NULL", profiles.get("id"));
        assertEquals("character varying(20) NOT NULL DEFAULT 'FREE'::character varying", profiles.get("user_tier"));
        assertEquals("timestamp with time zone NOT NULL DEFAULT now()", profiles.get("created_at"));
        Map<String, String> crawlJobs = columns(head.tables().get("crawl_jobs"));
        assertEquals("integer NOT NULL IDENTITY", crawlJobs.get("id"));
        assertEquals("jsonb NOT NULL DEFAULT '[]'::jsonb", crawlJobs.get("task_ids"));
        Map<String, String> credit = columns(head.tables().get("credit_accounts"));
        assertEquals("uuid NOT NULL DEFAULT gen_random_uuid()", credit.get("id"));
        assertEquals("numeric(10,2) NOT NULL DEFAULT 0.00", credit.get("average_daily_usage"));
        assertEquals("time without time zone NULL", columns(head.tables().get("notification_preferences")).get("quiet_hours_start"));
        assertEquals("timestamp with time zone NOT NULL DEFAULT now()", columns(head.tables().get("activity_logs")).get("timestamp"));
    }

    /** The tables and the database code (functions, triggers...) of a database, compared whole. */
    private record Catalog(SchemaSnapshot tables, String code) {
        static Catalog of(TestDatabase db) {
            return new Catalog(Catalogs.ignoringColumnOrder(Catalogs.read(db)), Catalogs.code(db));
        }
    }

    @Test
    void everyStepRollsBackToTheCatalogItCameFrom(TestDatabase db) {
        TestDatabase walk = db.sibling("history_walk");
        List<String> w = args("--url", walk.url(), "--migrations", MIGRATIONS);
        List<Catalog> up = new ArrayList<>();
        up.add(Catalog.of(walk));
        int revisions = Cli.run(args("history", w)).assertOk().out().strip().split("\n").length;
        for (int i = 0; i < revisions; i++) {
            Cli.run(args("upgrade", "+1", w)).assertOk();
            up.add(Catalog.of(walk));
        }
        assertEquals(Catalogs.ignoringColumnOrder(head), up.get(revisions).tables());
        for (int i = revisions - 1; i >= 0; i--) {
            Cli.run(args("downgrade", "-1", w)).assertOk();
            assertEquals(up.get(i), Catalog.of(walk), "after rolling back to step " + i);
        }
        assertTrue(Catalogs.read(walk).tables().isEmpty(), "base is empty");
        Cli.run(args("upgrade", "head", w)).assertOk();
        assertEquals(up.get(revisions), Catalog.of(walk), "up again");
    }

    /** The updated_at trigger of migrations/objects is on each table with timestamps, and sets it on an UPDATE. */
    @Test
    void theUpdatedAtTriggerKeepsUpdatedAtCurrent(TestDatabase db) throws java.sql.SQLException {
        String code = Catalogs.code(db);
        for (String table : List.of("profiles", "projects", "crawl_jobs", "job_chunks", "validation_jobs", "export_jobs", "credit_accounts",
                "notification_preferences", "api_keys")) {
            assertTrue(code.contains("trigger CREATE TRIGGER " + table + "_set_updated_at BEFORE UPDATE ON public." + table
                    + " FOR EACH ROW EXECUTE FUNCTION set_updated_at() O"), table + ":\n" + code);
        }
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO profiles (id, email, updated_at) VALUES (gen_random_uuid(), 'a@example.com', now() - interval '1 day')");
            s.execute("UPDATE profiles SET email = 'b@example.com'");
            try (java.sql.ResultSet rs = s.executeQuery("SELECT updated_at > now() - interval '1 minute' FROM profiles")) {
                assertTrue(rs.next() && rs.getBoolean(1), "the UPDATE set updated_at");
            }
            c.rollback();
        }
    }

    private static Map<String, String> columns(Table t) {
        Map<String, String> m = new TreeMap<>();
        t.columns().forEach(c -> m.put(c.name(), c.type() + (c.nullable() ? " NULL" : " NOT NULL")
                + c.defaultExpression().map(d -> " DEFAULT " + d).orElse("")
                + (c.identity() == io.diffgen.snapshot.Column.Identity.NONE ? "" : " IDENTITY")));
        return m;
    }

    private static List<String> indexes(SchemaSnapshot s) {
        return s.tables().values().stream().flatMap(t -> t.indexes().stream().map(i -> t.name() + "." + i.name() + "("
                + i.keys().stream().map(k -> k.expression().replace("\"", "") + (k.descending() ? " DESC" : "")).collect(Collectors.joining(", "))
                + ")")).sorted().toList();
    }

    private static List<String> checks(SchemaSnapshot s) {
        return s.tables().values().stream().flatMap(t -> t.checks().stream().map(CheckConstraint::name)).sorted().toList();
    }

    private static List<String> uniques(SchemaSnapshot s) {
        return s.tables().values().stream().flatMap(t -> t.uniques().stream()
                .map(u -> u.name() + "(" + String.join(", ", u.columns()) + ")")).sorted().toList();
    }

    private static List<String> foreignKeys(SchemaSnapshot s) {
        return s.tables().values().stream().flatMap(t -> t.foreignKeys().stream().map(fk -> t.name() + "." + String.join(",", fk.columns())
                + " -> " + fk.referencedTable() + "." + String.join(",", fk.referencedColumns()) + " " + fk.onDelete())).sorted().toList();
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(Path::getFileName).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    /** The names shared/spec/pixcrawler-schema.md fixes. */
    static final class Spec {
        static final List<String> TABLES = List.of("activity_logs", "api_keys", "crawl_jobs", "credit_accounts",
                "credit_transactions", "export_jobs", "images", "job_chunks", "notification_preferences", "notifications",
                "profiles", "projects", "usage_metrics", "validation_jobs");

        static final List<String> INDEXES = Stream.of(
                "profiles.ix_profiles_email(email)", "profiles.ix_profiles_user_tier(user_tier)", "profiles.ix_profiles_created_at(created_at)",
                "projects.ix_project_user_id(user_id)", "projects.ix_projects_status(status)", "projects.ix_projects_created_at(created_at)",
                "crawl_jobs.ix_crawl_jobs_project_id(project_id)", "crawl_jobs.ix_crawl_job_status(status)",
                "crawl_jobs.ix_crawl_job_project_status(project_id, status)", "crawl_jobs.ix_crawl_jobs_created_at(created_at)",
                "job_chunks.ix_job_chunks_job_id(job_id)", "job_chunks.ix_job_chunks_status(status)",
                "job_chunks.ix_job_chunks_job_status(job_id, status)", "job_chunks.ix_job_chunks_priority_created(priority, created_at)",
                "job_chunks.ix_job_chunks_task_id(task_id)",
                "images.ix_image_crawl_job_id(crawl_job_id)", "images.ix_images_created_at(created_at)",
                "activity_logs.ix_activity_log_user_id(user_id)", "activity_logs.ix_activity_log_timestamp(timestamp)",
                "activity_logs.ix_activity_logs_resource(resource_type, resource_id)",
                "validation_jobs.ix_validation_job_status(status)", "validation_jobs.ix_validation_job_crawl_job_id(crawl_job_id)",
                "export_jobs.ix_export_job_status(status)", "export_jobs.ix_export_job_user_id(user_id)",
                "export_jobs.ix_export_job_crawl_job_id(crawl_job_id)",
                "credit_accounts.ix_credit_accounts_user_id(user_id)",
                "credit_transactions.ix_credit_transactions_account_id(account_id)", "credit_transactions.ix_credit_transactions_user_id(user_id)",
                "credit_transactions.ix_credit_transactions_type(type)", "credit_transactions.ix_credit_transactions_status(status)",
                "credit_transactions.ix_credit_transactions_created_at(created_at)",
                "credit_transactions.ix_credit_transactions_user_created(user_id, created_at)",
                "notifications.ix_notifications_user_id(user_id)", "notifications.ix_notifications_is_read(is_read)",
                "notifications.ix_notifications_type(type)", "notifications.ix_notifications_category(category)",
                "notifications.ix_notifications_created_at(created_at DESC)", "notifications.ix_notifications_user_created(user_id, created_at)",
                "notifications.ix_notifications_user_unread(user_id, is_read)",
                "notification_preferences.ix_notification_preferences_user_id(user_id)",
                "api_keys.ix_api_keys_user_id(user_id)", "api_keys.ix_api_keys_key_hash(key_hash)", "api_keys.ix_api_keys_key_prefix(key_prefix)",
                "api_keys.ix_api_keys_status(status)", "api_keys.ix_api_keys_last_used_at(last_used_at)",
                "api_keys.ix_api_keys_expires_at(expires_at)", "api_keys.ix_api_keys_user_status(user_id, status)",
                "usage_metrics.ix_usage_metrics_user_id(user_id)", "usage_metrics.ix_usage_metrics_metric_date(metric_date)",
                "usage_metrics.ix_usage_metrics_user_date(user_id, metric_date)").sorted().toList();

        static final List<String> CHECK_NAMES = Stream.of(
                "ck_profiles_user_tier_valid", "ck_crawl_jobs_progress_range",
                "ck_job_chunks_status_valid", "ck_job_chunks_priority_range", "ck_job_chunks_retry_count_positive",
                "ck_credit_accounts_balance_positive", "ck_credit_accounts_monthly_usage_positive",
                "ck_credit_accounts_refill_threshold_positive", "ck_credit_accounts_refill_amount_positive",
                "ck_credit_accounts_monthly_limit_positive",
                "ck_credit_transactions_type_valid", "ck_credit_transactions_balance_positive", "ck_credit_transactions_status_valid",
                "ck_notifications_type_valid", "ck_notifications_category_valid",
                "ck_notification_preferences_digest_frequency_valid",
                "ck_api_keys_status_valid", "ck_api_keys_rate_limit_positive", "ck_api_keys_usage_count_positive",
                "ck_usage_metrics_images_processed_positive", "ck_usage_metrics_images_limit_positive",
                "ck_usage_metrics_storage_used_gb_positive", "ck_usage_metrics_storage_limit_gb_positive",
                "ck_usage_metrics_api_calls_positive", "ck_usage_metrics_api_calls_limit_positive",
                "ck_usage_metrics_bandwidth_used_gb_positive", "ck_usage_metrics_bandwidth_limit_gb_positive",
                // Hibernate 7's own CHECK on each converted enum column, beside the spec's named one (revision 8)
                "api_keys_status_check", "credit_transactions_status_check", "credit_transactions_type_check",
                "job_chunks_status_check", "notification_preferences_digest_frequency_check", "notifications_category_check",
                "notifications_type_check", "profiles_user_tier_check").sorted().toList();

        static final List<String> UNIQUES = Stream.of("uq_profiles_email(email)", "uq_credit_accounts_user_id(user_id)",
                "uq_notification_preferences_user_id(user_id)", "uq_api_keys_key_hash(key_hash)",
                "uq_usage_metrics_user_date(user_id, metric_date)").sorted().toList();

        static final List<String> FOREIGN_KEYS = Stream.of(
                "projects.user_id -> profiles.id CASCADE", "crawl_jobs.project_id -> projects.id CASCADE",
                "job_chunks.job_id -> crawl_jobs.id CASCADE", "images.crawl_job_id -> crawl_jobs.id CASCADE",
                "validation_jobs.crawl_job_id -> crawl_jobs.id CASCADE", "export_jobs.crawl_job_id -> crawl_jobs.id CASCADE",
                "export_jobs.user_id -> profiles.id CASCADE", "activity_logs.user_id -> profiles.id SET_NULL",
                "credit_accounts.user_id -> profiles.id CASCADE", "credit_transactions.account_id -> credit_accounts.id CASCADE",
                "credit_transactions.user_id -> profiles.id CASCADE", "notifications.user_id -> profiles.id CASCADE",
                "notification_preferences.user_id -> profiles.id CASCADE", "api_keys.user_id -> profiles.id CASCADE",
                "usage_metrics.user_id -> profiles.id CASCADE").sorted().toList();

        private Spec() {
        }
    }
}

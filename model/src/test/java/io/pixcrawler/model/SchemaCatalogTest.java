package io.pixcrawler.model;

import org.junit.jupiter.api.Tag;
import io.diffgen.testkit.PostgresExtension;
import io.diffgen.testkit.TestDatabase;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lets Hibernate create the schema on a real PostgreSQL and reads pg_catalog back: the spec's named
 * indexes, CHECKs, UNIQUEs and FKs, each on the right table and columns, and nothing else.
 * (The partial index ix_notifications_user_unread cannot come from Hibernate's DDL; diffgen adds it.)
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("postgres")
class SchemaCatalogTest {
    private static final String[] TABLES = {
            "profiles", "projects", "crawl_jobs", "job_chunks", "images", "activity_logs", "validation_jobs",
            "export_jobs", "credit_accounts", "credit_transactions", "notifications", "notification_preferences",
            "api_keys", "usage_metrics"};

    /** Index name → "table (columns)", as pg_indexes renders the column list. From the spec. */
    private static final Map<String, String> INDEXES = table(
            "ix_profiles_email", "profiles (email)",
            "ix_profiles_user_tier", "profiles (user_tier)",
            "ix_profiles_created_at", "profiles (created_at)",
            "ix_project_user_id", "projects (user_id)",
            "ix_projects_status", "projects (status)",
            "ix_projects_created_at", "projects (created_at)",
            "ix_crawl_jobs_project_id", "crawl_jobs (project_id)",
            "ix_crawl_job_status", "crawl_jobs (status)",
            "ix_crawl_job_project_status", "crawl_jobs (project_id, status)",
            "ix_crawl_jobs_created_at", "crawl_jobs (created_at)",
            "ix_job_chunks_job_id", "job_chunks (job_id)",
            "ix_job_chunks_status", "job_chunks (status)",
            "ix_job_chunks_job_status", "job_chunks (job_id, status)",
            "ix_job_chunks_priority_created", "job_chunks (priority, created_at)",
            "ix_job_chunks_task_id", "job_chunks (task_id)",
            "ix_image_crawl_job_id", "images (crawl_job_id)",
            "ix_images_created_at", "images (created_at)",
            "ix_activity_log_user_id", "activity_logs (user_id)",
            "ix_activity_log_timestamp", "activity_logs (\"timestamp\")",
            "ix_activity_logs_resource", "activity_logs (resource_type, resource_id)",
            "ix_validation_job_status", "validation_jobs (status)",
            "ix_validation_job_crawl_job_id", "validation_jobs (crawl_job_id)",
            "ix_export_job_status", "export_jobs (status)",
            "ix_export_job_user_id", "export_jobs (user_id)",
            "ix_export_job_crawl_job_id", "export_jobs (crawl_job_id)",
            "ix_credit_accounts_user_id", "credit_accounts (user_id)",
            "ix_credit_transactions_account_id", "credit_transactions (account_id)",
            "ix_credit_transactions_user_id", "credit_transactions (user_id)",
            "ix_credit_transactions_type", "credit_transactions (type)",
            "ix_credit_transactions_status", "credit_transactions (status)",
            "ix_credit_transactions_created_at", "credit_transactions (created_at)",
            "ix_credit_transactions_user_created", "credit_transactions (user_id, created_at)",
            "ix_notifications_user_id", "notifications (user_id)",
            "ix_notifications_is_read", "notifications (is_read)",
            "ix_notifications_type", "notifications (type)",
            "ix_notifications_category", "notifications (category)",
            "ix_notifications_created_at", "notifications (created_at DESC)",
            "ix_notifications_user_created", "notifications (user_id, created_at)",
            "ix_notification_preferences_user_id", "notification_preferences (user_id)",
            "ix_api_keys_user_id", "api_keys (user_id)",
            "ix_api_keys_key_hash", "api_keys (key_hash)",
            "ix_api_keys_key_prefix", "api_keys (key_prefix)",
            "ix_api_keys_status", "api_keys (status)",
            "ix_api_keys_last_used_at", "api_keys (last_used_at)",
            "ix_api_keys_expires_at", "api_keys (expires_at)",
            "ix_api_keys_user_status", "api_keys (user_id, status)",
            "ix_usage_metrics_user_id", "usage_metrics (user_id)",
            "ix_usage_metrics_metric_date", "usage_metrics (metric_date)",
            "ix_usage_metrics_user_date", "usage_metrics (user_id, metric_date)");

    /** CHECK name → "table (columns it reads)". From the spec. */
    private static final Map<String, String> CHECKS = table(
            "ck_profiles_user_tier_valid", "profiles (user_tier)",
            "ck_crawl_jobs_progress_range", "crawl_jobs (progress)",
            "ck_job_chunks_status_valid", "job_chunks (status)",
            "ck_job_chunks_priority_range", "job_chunks (priority)",
            "ck_job_chunks_retry_count_positive", "job_chunks (retry_count)",
            "ck_credit_accounts_balance_positive", "credit_accounts (current_balance)",
            "ck_credit_accounts_monthly_usage_positive", "credit_accounts (monthly_usage)",
            "ck_credit_accounts_refill_threshold_positive", "credit_accounts (refill_threshold)",
            "ck_credit_accounts_refill_amount_positive", "credit_accounts (refill_amount)",
            "ck_credit_accounts_monthly_limit_positive", "credit_accounts (monthly_limit)",
            "ck_credit_transactions_type_valid", "credit_transactions (type)",
            "ck_credit_transactions_balance_positive", "credit_transactions (balance_after)",
            "ck_credit_transactions_status_valid", "credit_transactions (status)",
            "ck_notifications_type_valid", "notifications (type)",
            "ck_notifications_category_valid", "notifications (category)",
            "ck_notification_preferences_digest_frequency_valid", "notification_preferences (digest_frequency)",
            "ck_api_keys_status_valid", "api_keys (status)",
            "ck_api_keys_rate_limit_positive", "api_keys (rate_limit)",
            "ck_api_keys_usage_count_positive", "api_keys (usage_count)",
            "ck_usage_metrics_images_processed_positive", "usage_metrics (images_processed)",
            "ck_usage_metrics_images_limit_positive", "usage_metrics (images_limit)",
            "ck_usage_metrics_storage_used_gb_positive", "usage_metrics (storage_used_gb)",
            "ck_usage_metrics_storage_limit_gb_positive", "usage_metrics (storage_limit_gb)",
            "ck_usage_metrics_api_calls_positive", "usage_metrics (api_calls)",
            "ck_usage_metrics_api_calls_limit_positive", "usage_metrics (api_calls_limit)",
            "ck_usage_metrics_bandwidth_used_gb_positive", "usage_metrics (bandwidth_used_gb)",
            "ck_usage_metrics_bandwidth_limit_gb_positive", "usage_metrics (bandwidth_limit_gb)");

    /** UNIQUE name → "table (columns)". From the spec. */
    private static final Map<String, String> UNIQUES = table(
            "uq_profiles_email", "profiles (email)",
            "uq_credit_accounts_user_id", "credit_accounts (user_id)",
            "uq_notification_preferences_user_id", "notification_preferences (user_id)",
            "uq_api_keys_key_hash", "api_keys (key_hash)",
            "uq_usage_metrics_user_date", "usage_metrics (user_id, metric_date)");

    /** FK name → "table (column) -> referenced table ON DELETE action". From the spec. */
    private static final Map<String, String> FOREIGN_KEYS = table(
            "fk_projects_user_id", "projects (user_id) -> profiles CASCADE",
            "fk_crawl_jobs_project_id", "crawl_jobs (project_id) -> projects CASCADE",
            "fk_job_chunks_job_id", "job_chunks (job_id) -> crawl_jobs CASCADE",
            "fk_images_crawl_job_id", "images (crawl_job_id) -> crawl_jobs CASCADE",
            "fk_activity_logs_user_id", "activity_logs (user_id) -> profiles SET NULL",
            "fk_validation_jobs_crawl_job_id", "validation_jobs (crawl_job_id) -> crawl_jobs CASCADE",
            "fk_export_jobs_crawl_job_id", "export_jobs (crawl_job_id) -> crawl_jobs CASCADE",
            "fk_export_jobs_user_id", "export_jobs (user_id) -> profiles CASCADE",
            "fk_credit_accounts_user_id", "credit_accounts (user_id) -> profiles CASCADE",
            "fk_credit_transactions_account_id", "credit_transactions (account_id) -> credit_accounts CASCADE",
            "fk_credit_transactions_user_id", "credit_transactions (user_id) -> profiles CASCADE",
            "fk_notifications_user_id", "notifications (user_id) -> profiles CASCADE",
            "fk_notification_preferences_user_id", "notification_preferences (user_id) -> profiles CASCADE",
            "fk_api_keys_user_id", "api_keys (user_id) -> profiles CASCADE",
            "fk_usage_metrics_user_id", "usage_metrics (user_id) -> profiles CASCADE");

    /** The columns a constraint names, in its order, quoted as PostgreSQL quotes identifiers. */
    private static final String CONSTRAINT_COLUMNS = """
            (select string_agg(quote_ident(a.attname), ', ' order by k.ord)
               from unnest(c.conkey) with ordinality k(attnum, ord)
               join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum)""";

    private SessionFactory sessionFactory;
    private TestDatabase db;

    @BeforeAll
    void createSchema(TestDatabase db) {
        this.db = db;
        sessionFactory = TestSessionFactories.create(db);
    }

    @AfterAll
    void close() {
        sessionFactory.close();
    }

    @Test
    void tablesAreExactlyTheSpecs() throws SQLException {
        Map<String, String> tables = query(
                "select relname, relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace");
        assertEquals(Stream.of(TABLES).sorted().toList(), tables.keySet().stream().toList());
    }

    @Test
    void namedIndexesAndNoOthers() throws SQLException {
        // Indexes that back a primary key or UNIQUE constraint are the constraints' business.
        Map<String, String> indexes = query("""
                select i.indexname, i.tablename || ' ' || substring(i.indexdef from 'USING btree (\\(.*\\))$')
                from pg_indexes i
                where i.schemaname = 'public'
                  and (i.schemaname || '.' || quote_ident(i.indexname))::regclass
                      not in (select conindid from pg_constraint where conindid <> 0)""");
        assertEquals(INDEXES, indexes);
    }

    /**
     * The specification's named CHECKs, and beside each one on an enum column the unnamed CHECK that
     * Hibernate 7 itself adds to every converted enum column (PostgreSQL names it
     * {@code <table>_<column>_check}); no others.
     */
    @Test
    void namedChecksHibernatesOwnEnumChecksAndNoOthers() throws SQLException {
        Map<String, String> checks = query("select c.conname, c.conrelid::regclass || ' (' || " + CONSTRAINT_COLUMNS
                + " || ')' from pg_constraint c where c.contype = 'c' and c.connamespace = 'public'::regnamespace");
        Map<String, String> expected = new java.util.TreeMap<>(CHECKS);
        for (String enumColumn : List.of("api_keys (status)", "credit_transactions (status)", "credit_transactions (type)",
                "job_chunks (status)", "notification_preferences (digest_frequency)", "notifications (category)",
                "notifications (type)", "profiles (user_tier)")) {
            expected.put(enumColumn.replace(" (", "_").replace(")", "") + "_check", enumColumn);
        }
        assertEquals(expected, new java.util.TreeMap<>(checks));
    }

    @Test
    void namedUniquesAndNoOthers() throws SQLException {
        Map<String, String> uniques = query("select c.conname, c.conrelid::regclass || ' (' || " + CONSTRAINT_COLUMNS
                + " || ')' from pg_constraint c where c.contype = 'u' and c.connamespace = 'public'::regnamespace");
        assertEquals(UNIQUES, uniques);
    }

    @Test
    void foreignKeysCascadeExceptActivityLogsSetNull() throws SQLException {
        Map<String, String> foreignKeys = query("select c.conname, c.conrelid::regclass || ' (' || " + CONSTRAINT_COLUMNS
                + " || ') -> ' || c.confrelid::regclass || ' '"
                + " || case c.confdeltype when 'c' then 'CASCADE' when 'n' then 'SET NULL' when 'a' then 'NO ACTION'"
                + "    when 'r' then 'RESTRICT' else 'SET DEFAULT' end"
                + " from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace");
        assertEquals(FOREIGN_KEYS, foreignKeys);
    }

    @Test
    void everyTableHasItsPrimaryKeyOnId() throws SQLException {
        Map<String, String> keys = query("select c.conrelid::regclass::text, " + CONSTRAINT_COLUMNS
                + " from pg_constraint c where c.contype = 'p' and c.connamespace = 'public'::regnamespace");
        assertEquals(Stream.of(TABLES).collect(Collectors.toMap(t -> t, t -> "id", (a, b) -> a, TreeMap::new)), keys);
    }

    /** Two-column query result as a sorted map, so that a failure shows a readable diff. */
    private Map<String, String> query(String sql) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static Map<String, String> table(String... keysAndValues) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

--liquibase formatted sql
-- Revision: e00887efbae7
-- Revises: 5486494f633a
-- Create Date: 2026-12-07T11:54:30Z
-- Message: set updated_at on every update
-- Model: Hibernate ORM 7.4.16.Final (bundled with diffgen)
--
-- Changes:
--   - create function set_updated_at()
--   - create trigger api_keys_set_updated_at on api_keys
--   - create trigger crawl_jobs_set_updated_at on crawl_jobs
--   - create trigger credit_accounts_set_updated_at on credit_accounts
--   - create trigger export_jobs_set_updated_at on export_jobs
--   - create trigger job_chunks_set_updated_at on job_chunks
--   - create trigger notification_preferences_set_updated_at on notification_preferences
--   - create trigger profiles_set_updated_at on profiles
--   - create trigger projects_set_updated_at on projects
--   - create trigger validation_jobs_set_updated_at on validation_jobs
--
-- Warnings:
--   WARNING DG017: creates trigger api_keys_set_updated_at on api_keys under a SHARE ROW EXCLUSIVE lock on api_keys: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger crawl_jobs_set_updated_at on crawl_jobs under a SHARE ROW EXCLUSIVE lock on crawl_jobs: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger credit_accounts_set_updated_at on credit_accounts under a SHARE ROW EXCLUSIVE lock on credit_accounts: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger export_jobs_set_updated_at on export_jobs under a SHARE ROW EXCLUSIVE lock on export_jobs: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger job_chunks_set_updated_at on job_chunks under a SHARE ROW EXCLUSIVE lock on job_chunks: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger notification_preferences_set_updated_at on notification_preferences under a SHARE ROW EXCLUSIVE lock on notification_preferences: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger profiles_set_updated_at on profiles under a SHARE ROW EXCLUSIVE lock on profiles: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger projects_set_updated_at on projects under a SHARE ROW EXCLUSIVE lock on projects: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]
--   WARNING DG017: creates trigger validation_jobs_set_updated_at on validation_jobs under a SHARE ROW EXCLUSIVE lock on validation_jobs: it waits for the table's running writes and blocks new ones until the revision commits; keep the revision short (lock_timeout bounds the wait), and run it when the table is quiet [trigger-locks-writes, short lock]

--changeset diffgen:e00887efbae7 logicalFilePath:migrations/versions/20261207_115430_e00887efbae7_set_updated_at_on_every_update.sql splitStatements:false rollbackSplitStatements:false stripComments:false
--comment: set updated_at on every update
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE OR REPLACE FUNCTION set_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$function$;
COMMENT ON FUNCTION set_updated_at() IS 'sets updated_at to the time of the UPDATE';
CREATE TRIGGER api_keys_set_updated_at BEFORE UPDATE ON api_keys FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER crawl_jobs_set_updated_at BEFORE UPDATE ON crawl_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER credit_accounts_set_updated_at BEFORE UPDATE ON credit_accounts FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER export_jobs_set_updated_at BEFORE UPDATE ON export_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER job_chunks_set_updated_at BEFORE UPDATE ON job_chunks FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER notification_preferences_set_updated_at BEFORE UPDATE ON notification_preferences FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER profiles_set_updated_at BEFORE UPDATE ON profiles FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER validation_jobs_set_updated_at BEFORE UPDATE ON validation_jobs FOR EACH ROW EXECUTE FUNCTION set_updated_at();
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TRIGGER validation_jobs_set_updated_at ON validation_jobs;
--rollback DROP TRIGGER projects_set_updated_at ON projects;
--rollback DROP TRIGGER profiles_set_updated_at ON profiles;
--rollback DROP TRIGGER notification_preferences_set_updated_at ON notification_preferences;
--rollback DROP TRIGGER job_chunks_set_updated_at ON job_chunks;
--rollback DROP TRIGGER export_jobs_set_updated_at ON export_jobs;
--rollback DROP TRIGGER credit_accounts_set_updated_at ON credit_accounts;
--rollback DROP TRIGGER crawl_jobs_set_updated_at ON crawl_jobs;
--rollback DROP TRIGGER api_keys_set_updated_at ON api_keys;
--rollback DROP FUNCTION set_updated_at();

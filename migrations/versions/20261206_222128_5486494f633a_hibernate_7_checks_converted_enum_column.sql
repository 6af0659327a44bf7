--liquibase formatted sql
-- Revision: 5486494f633a
-- Revises: afa70768a0ff
-- Create Date: 2026-12-06T22:21:28Z
-- Message: hibernate 7 checks converted enum columns
--
-- Changes:
--   - add check constraint api_keys_status_check on api_keys
--   - add check constraint credit_transactions_status_check on credit_transactions
--   - add check constraint credit_transactions_type_check on credit_transactions
--   - add check constraint job_chunks_status_check on job_chunks
--   - add check constraint notification_preferences_digest_frequency_check on notification_preferences
--   - add check constraint notifications_category_check on notifications
--   - add check constraint notifications_type_check on notifications
--   - add check constraint profiles_user_tier_check on profiles
--   - validate constraint api_keys_status_check on api_keys
--   - validate constraint credit_transactions_status_check on credit_transactions
--   - validate constraint credit_transactions_type_check on credit_transactions
--   - validate constraint job_chunks_status_check on job_chunks
--   - validate constraint notification_preferences_digest_frequency_check on notification_preferences
--   - validate constraint notifications_category_check on notifications
--   - validate constraint notifications_type_check on notifications
--   - validate constraint profiles_user_tier_check on profiles
--
-- Warnings:
--   (none)

--changeset diffgen:5486494f633a logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: hibernate 7 checks converted enum columns
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "api_keys_status_check" FROM (SELECT * FROM api_keys WHERE NOT (status::text = ANY (ARRAY['expired'::character varying::text, 'active'::character varying::text, 'revoked'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "credit_transactions_status_check" FROM (SELECT * FROM credit_transactions WHERE NOT (status::text = ANY (ARRAY['pending'::character varying::text, 'cancelled'::character varying::text, 'completed'::character varying::text, 'failed'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "credit_transactions_type_check" FROM (SELECT * FROM credit_transactions WHERE NOT (type::text = ANY (ARRAY['bonus'::character varying::text, 'usage'::character varying::text, 'purchase'::character varying::text, 'refund'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "job_chunks_status_check" FROM (SELECT * FROM job_chunks WHERE NOT (status::text = ANY (ARRAY['pending'::character varying::text, 'processing'::character varying::text, 'completed'::character varying::text, 'failed'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "notification_preferences_digest_frequency_check" FROM (SELECT * FROM notification_preferences WHERE NOT (digest_frequency::text = ANY (ARRAY['never'::character varying::text, 'realtime'::character varying::text, 'daily'::character varying::text, 'weekly'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "notifications_category_check" FROM (SELECT * FROM notifications WHERE NOT (category::text = ANY (ARRAY['security'::character varying::text, 'system'::character varying::text, 'project'::character varying::text, 'payment'::character varying::text, 'crawl_job'::character varying::text, 'dataset'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "notifications_type_check" FROM (SELECT * FROM notifications WHERE NOT (type::text = ANY (ARRAY['success'::character varying::text, 'warning'::character varying::text, 'error'::character varying::text, 'info'::character varying::text]))) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "profiles_user_tier_check" FROM (SELECT * FROM profiles WHERE NOT (user_tier::text = ANY (ARRAY['ENTERPRISE'::character varying::text, 'PRO'::character varying::text, 'FREE'::character varying::text]))) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE api_keys ADD CONSTRAINT api_keys_status_check CHECK (status::text = ANY (ARRAY['expired'::character varying::text, 'active'::character varying::text, 'revoked'::character varying::text])) NOT VALID;
ALTER TABLE credit_transactions ADD CONSTRAINT credit_transactions_status_check CHECK (status::text = ANY (ARRAY['pending'::character varying::text, 'cancelled'::character varying::text, 'completed'::character varying::text, 'failed'::character varying::text])) NOT VALID;
ALTER TABLE credit_transactions ADD CONSTRAINT credit_transactions_type_check CHECK (type::text = ANY (ARRAY['bonus'::character varying::text, 'usage'::character varying::text, 'purchase'::character varying::text, 'refund'::character varying::text])) NOT VALID;
ALTER TABLE job_chunks ADD CONSTRAINT job_chunks_status_check CHECK (status::text = ANY (ARRAY['pending'::character varying::text, 'processing'::character varying::text, 'completed'::character varying::text, 'failed'::character varying::text])) NOT VALID;
ALTER TABLE notification_preferences ADD CONSTRAINT notification_preferences_digest_frequency_check CHECK (digest_frequency::text = ANY (ARRAY['never'::character varying::text, 'realtime'::character varying::text, 'daily'::character varying::text, 'weekly'::character varying::text])) NOT VALID;
ALTER TABLE notifications ADD CONSTRAINT notifications_category_check CHECK (category::text = ANY (ARRAY['security'::character varying::text, 'system'::character varying::text, 'project'::character varying::text, 'payment'::character varying::text, 'crawl_job'::character varying::text, 'dataset'::character varying::text])) NOT VALID;
ALTER TABLE notifications ADD CONSTRAINT notifications_type_check CHECK (type::text = ANY (ARRAY['success'::character varying::text, 'warning'::character varying::text, 'error'::character varying::text, 'info'::character varying::text])) NOT VALID;
ALTER TABLE profiles ADD CONSTRAINT profiles_user_tier_check CHECK (user_tier::text = ANY (ARRAY['ENTERPRISE'::character varying::text, 'PRO'::character varying::text, 'FREE'::character varying::text])) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE profiles DROP CONSTRAINT profiles_user_tier_check;
--rollback ALTER TABLE notifications DROP CONSTRAINT notifications_type_check;
--rollback ALTER TABLE notifications DROP CONSTRAINT notifications_category_check;
--rollback ALTER TABLE notification_preferences DROP CONSTRAINT notification_preferences_digest_frequency_check;
--rollback ALTER TABLE job_chunks DROP CONSTRAINT job_chunks_status_check;
--rollback ALTER TABLE credit_transactions DROP CONSTRAINT credit_transactions_type_check;
--rollback ALTER TABLE credit_transactions DROP CONSTRAINT credit_transactions_status_check;
--rollback ALTER TABLE api_keys DROP CONSTRAINT api_keys_status_check;

--changeset diffgen:5486494f633a.2 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint api_keys_status_check on api_keys
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE api_keys VALIDATE CONSTRAINT api_keys_status_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.3 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint credit_transactions_status_check on credit_transactions
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE credit_transactions VALIDATE CONSTRAINT credit_transactions_status_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.4 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint credit_transactions_type_check on credit_transactions
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE credit_transactions VALIDATE CONSTRAINT credit_transactions_type_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.5 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint job_chunks_status_check on job_chunks
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE job_chunks VALIDATE CONSTRAINT job_chunks_status_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.6 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint notification_preferences_digest_frequency_check on notification_preferences
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE notification_preferences VALIDATE CONSTRAINT notification_preferences_digest_frequency_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.7 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint notifications_category_check on notifications
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE notifications VALIDATE CONSTRAINT notifications_category_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.8 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint notifications_type_check on notifications
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE notifications VALIDATE CONSTRAINT notifications_type_check;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:5486494f633a.9 logicalFilePath:migrations/versions/20261206_222128_5486494f633a_hibernate_7_checks_converted_enum_column.sql
--comment: validate constraint profiles_user_tier_check on profiles
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE profiles VALIDATE CONSTRAINT profiles_user_tier_check;
--rollback SELECT 1 /* nothing to undo */;

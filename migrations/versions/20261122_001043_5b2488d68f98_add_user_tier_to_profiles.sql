--liquibase formatted sql
-- Revision: 5b2488d68f98
-- Revises: 4ce6383a9880
-- Create Date: 2026-11-22T00:10:43Z
-- Message: add user_tier to profiles
--
-- Changes:
--   - add column profiles.user_tier
--   - add check constraint ck_profiles_user_tier_valid on profiles
--   - create index ix_profiles_user_tier on profiles
--
-- Warnings:
--   WARNING DG010: add check constraint ck_profiles_user_tier_valid on profiles checks every existing row under lock [validates-existing-rows, long lock]
--   WARNING DG007: builds index ix_profiles_user_tier on existing table profiles, blocking writes while it builds; consider --concurrently [index-locks-writes, long lock]

--changeset diffgen:5b2488d68f98 logicalFilePath:migrations/versions/20261122_001043_5b2488d68f98_add_user_tier_to_profiles.sql
--comment: add user_tier to profiles
ALTER TABLE profiles ADD COLUMN user_tier character varying(20) DEFAULT 'FREE'::character varying NOT NULL;
ALTER TABLE profiles ADD CONSTRAINT ck_profiles_user_tier_valid CHECK (user_tier::text = ANY (ARRAY['FREE'::character varying::text, 'PRO'::character varying::text, 'ENTERPRISE'::character varying::text]));
CREATE INDEX ix_profiles_user_tier ON profiles (user_tier);
--rollback DROP INDEX ix_profiles_user_tier;
--rollback ALTER TABLE profiles DROP CONSTRAINT ck_profiles_user_tier_valid;
--rollback ALTER TABLE profiles DROP COLUMN user_tier;

--liquibase formatted sql
-- Revision: 1a1784ffe080
-- Revises: edd1f2b20eec
-- Create Date: 2026-11-22T00:11:34Z
-- Message: api keys
--
-- Changes:
--   - create table api_keys
--   - create index ix_api_keys_expires_at on api_keys
--   - create index ix_api_keys_key_hash on api_keys
--   - create index ix_api_keys_key_prefix on api_keys
--   - create index ix_api_keys_last_used_at on api_keys
--   - create index ix_api_keys_status on api_keys
--   - create index ix_api_keys_user_id on api_keys
--   - create index ix_api_keys_user_status on api_keys
--   - add foreign key fk_api_keys_user_id on api_keys[user_id] -> profiles[id] on delete cascade
--
-- Warnings:
--   (none)

--changeset diffgen:1a1784ffe080 logicalFilePath:migrations/versions/20261122_001134_1a1784ffe080_api_keys.sql
--comment: api keys
CREATE TABLE api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    "name" character varying(200) NOT NULL,
    key_hash character varying(255) NOT NULL,
    key_prefix character varying(20) NOT NULL,
    status character varying(20) DEFAULT 'active'::character varying NOT NULL,
    permissions jsonb DEFAULT '[]'::jsonb NOT NULL,
    rate_limit integer DEFAULT 1000 NOT NULL,
    usage_count integer DEFAULT 0 NOT NULL,
    last_used_at timestamp with time zone,
    last_used_ip character varying(45),
    expires_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT uq_api_keys_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_keys_rate_limit_positive CHECK (rate_limit > 0),
    CONSTRAINT ck_api_keys_status_valid CHECK (status::text = ANY (ARRAY['active'::character varying::text, 'revoked'::character varying::text, 'expired'::character varying::text])),
    CONSTRAINT ck_api_keys_usage_count_positive CHECK (usage_count >= 0)
);
CREATE INDEX ix_api_keys_expires_at ON api_keys (expires_at);
CREATE INDEX ix_api_keys_key_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_key_prefix ON api_keys (key_prefix);
CREATE INDEX ix_api_keys_last_used_at ON api_keys (last_used_at);
CREATE INDEX ix_api_keys_status ON api_keys (status);
CREATE INDEX ix_api_keys_user_id ON api_keys (user_id);
CREATE INDEX ix_api_keys_user_status ON api_keys (user_id, status);
ALTER TABLE api_keys ADD CONSTRAINT fk_api_keys_user_id FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE;
--rollback ALTER TABLE api_keys DROP CONSTRAINT fk_api_keys_user_id;
--rollback DROP INDEX ix_api_keys_user_status;
--rollback DROP INDEX ix_api_keys_user_id;
--rollback DROP INDEX ix_api_keys_status;
--rollback DROP INDEX ix_api_keys_last_used_at;
--rollback DROP INDEX ix_api_keys_key_prefix;
--rollback DROP INDEX ix_api_keys_key_hash;
--rollback DROP INDEX ix_api_keys_expires_at;
--rollback DROP TABLE api_keys;

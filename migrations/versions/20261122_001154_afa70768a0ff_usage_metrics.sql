--liquibase formatted sql
-- Revision: afa70768a0ff
-- Revises: 1a1784ffe080
-- Create Date: 2026-11-22T00:11:54Z
-- Message: usage metrics
--
-- Changes:
--   - create table usage_metrics
--   - create index ix_usage_metrics_metric_date on usage_metrics
--   - create index ix_usage_metrics_user_date on usage_metrics
--   - create index ix_usage_metrics_user_id on usage_metrics
--   - add foreign key fk_usage_metrics_user_id on usage_metrics[user_id] -> profiles[id] on delete cascade
--
-- Warnings:
--   (none)

--changeset diffgen:afa70768a0ff logicalFilePath:migrations/versions/20261122_001154_afa70768a0ff_usage_metrics.sql
--comment: usage metrics
CREATE TABLE usage_metrics (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    user_id uuid NOT NULL,
    metric_date date NOT NULL,
    images_processed integer DEFAULT 0 NOT NULL,
    images_limit integer DEFAULT 10000 NOT NULL,
    storage_used_gb numeric(10,2) DEFAULT 0.00 NOT NULL,
    storage_limit_gb numeric(10,2) DEFAULT 100.00 NOT NULL,
    api_calls integer DEFAULT 0 NOT NULL,
    api_calls_limit integer DEFAULT 50000 NOT NULL,
    bandwidth_used_gb numeric(10,2) DEFAULT 0.00 NOT NULL,
    bandwidth_limit_gb numeric(10,2) DEFAULT 500.00 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT usage_metrics_pkey PRIMARY KEY (id),
    CONSTRAINT uq_usage_metrics_user_date UNIQUE (user_id, metric_date),
    CONSTRAINT ck_usage_metrics_api_calls_limit_positive CHECK (api_calls_limit > 0),
    CONSTRAINT ck_usage_metrics_api_calls_positive CHECK (api_calls >= 0),
    CONSTRAINT ck_usage_metrics_bandwidth_limit_gb_positive CHECK (bandwidth_limit_gb > 0::numeric),
    CONSTRAINT ck_usage_metrics_bandwidth_used_gb_positive CHECK (bandwidth_used_gb >= 0::numeric),
    CONSTRAINT ck_usage_metrics_images_limit_positive CHECK (images_limit > 0),
    CONSTRAINT ck_usage_metrics_images_processed_positive CHECK (images_processed >= 0),
    CONSTRAINT ck_usage_metrics_storage_limit_gb_positive CHECK (storage_limit_gb > 0::numeric),
    CONSTRAINT ck_usage_metrics_storage_used_gb_positive CHECK (storage_used_gb >= 0::numeric)
);
CREATE INDEX ix_usage_metrics_metric_date ON usage_metrics (metric_date);
CREATE INDEX ix_usage_metrics_user_date ON usage_metrics (user_id, metric_date);
CREATE INDEX ix_usage_metrics_user_id ON usage_metrics (user_id);
ALTER TABLE usage_metrics ADD CONSTRAINT fk_usage_metrics_user_id FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE;
--rollback ALTER TABLE usage_metrics DROP CONSTRAINT fk_usage_metrics_user_id;
--rollback DROP INDEX ix_usage_metrics_user_id;
--rollback DROP INDEX ix_usage_metrics_user_date;
--rollback DROP INDEX ix_usage_metrics_metric_date;
--rollback DROP TABLE usage_metrics;

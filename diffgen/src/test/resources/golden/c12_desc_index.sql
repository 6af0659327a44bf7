--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create index ix_event_created_at on event
--
-- Warnings:
--   WARNING DG007: builds index ix_event_created_at on existing table event, blocking writes while it builds; consider --concurrently [index-locks-writes, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE INDEX ix_event_created_at ON "event" (created_at DESC);
--rollback DROP INDEX ix_event_created_at;

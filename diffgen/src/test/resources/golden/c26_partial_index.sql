--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create index ix_task_open_due on task
--
-- Warnings:
--   WARNING DG007: builds index ix_task_open_due on existing table task, blocking writes while it builds; consider --concurrently [index-locks-writes, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE INDEX ix_task_open_due ON task (due_date, priority DESC) WHERE done = false;
--rollback DROP INDEX ix_task_open_due;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - rename column story.title to headline
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE story RENAME COLUMN title TO headline;
--rollback ALTER TABLE story RENAME COLUMN headline TO title;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - alter column contact.email: set not null
--
-- Warnings:
--   WARNING DG005: SET NOT NULL on contact.email scans the table under an ACCESS EXCLUSIVE lock and fails if it holds NULLs [set-not-null, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE contact ALTER COLUMN email SET NOT NULL;
--rollback ALTER TABLE contact ALTER COLUMN email DROP NOT NULL;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - alter column counter.hits: type integer -> bigint
--
-- Warnings:
--   WARNING DG006: changing counter.hits to bigint rewrites the table under an ACCESS EXCLUSIVE lock [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes counter.hits back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE counter ALTER COLUMN hits TYPE bigint USING hits::bigint;
--rollback ALTER TABLE counter ALTER COLUMN hits TYPE integer USING hits::integer;

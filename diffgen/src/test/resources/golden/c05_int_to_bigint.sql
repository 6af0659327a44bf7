--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column counter.hits: type integer -> bigint
--
-- Warnings:
--   WARNING DG006: changing counter.hits to bigint rewrites the table under an ACCESS EXCLUSIVE lock; unless a key or constraint uses the column, --expand-contract copies it in batches instead [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes counter.hits back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE counter ALTER COLUMN hits TYPE bigint USING hits::bigint;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE counter ALTER COLUMN hits TYPE integer USING hits::integer;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column price.amount: type numeric(10,2) -> numeric(14,4)
--
-- Warnings:
--   WARNING DG006: changing price.amount to numeric(14,4) rewrites the table under an ACCESS EXCLUSIVE lock; unless a key or constraint uses the column, --expand-contract copies it in batches instead [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes price.amount back to numeric(10,2); it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE price ALTER COLUMN amount TYPE numeric(14,4) USING amount::numeric(14,4);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE price ALTER COLUMN amount TYPE numeric(10,2) USING amount::numeric(10,2);

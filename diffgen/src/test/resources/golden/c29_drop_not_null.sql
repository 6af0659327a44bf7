--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column parcel.tracking_no: drop not null
--
-- Warnings:
--   WARNING DG009: the downgrade sets parcel.tracking_no NOT NULL again; it fails if NULLs were written meanwhile [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE parcel ALTER COLUMN tracking_no DROP NOT NULL;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE parcel ALTER COLUMN tracking_no SET NOT NULL;

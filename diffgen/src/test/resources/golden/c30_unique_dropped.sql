--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop unique constraint uq_subscriber_email on subscriber
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds unique constraint uq_subscriber_email; it fails if duplicates were written meanwhile [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE subscriber DROP CONSTRAINT uq_subscriber_email;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE subscriber ADD CONSTRAINT uq_subscriber_email UNIQUE (email);

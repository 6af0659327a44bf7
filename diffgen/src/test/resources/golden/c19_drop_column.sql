--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop column account.legacy_code
--
-- Warnings:
--   WARNING DG002: drops column account.legacy_code and its data; the downgrade re-creates it empty [drop-column, data loss]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE account DROP COLUMN legacy_code;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE account ADD COLUMN legacy_code character varying(30);

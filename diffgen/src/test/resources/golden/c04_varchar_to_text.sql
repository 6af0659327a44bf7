--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column note.body: type character varying(100) -> text
--
-- Warnings:
--   WARNING DG009: the downgrade changes note.body back to character varying(100); it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE note ALTER COLUMN body TYPE text USING body::text;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE note ALTER COLUMN body TYPE character varying(100) USING body::character varying(100);

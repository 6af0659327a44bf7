--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - alter column ticket.state: default 'draft'::character varying -> 'open'::character varying
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE ticket ALTER COLUMN state SET DEFAULT 'open'::character varying;
--rollback ALTER TABLE ticket ALTER COLUMN state SET DEFAULT 'draft'::character varying;

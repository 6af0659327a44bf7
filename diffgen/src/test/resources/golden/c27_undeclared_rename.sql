--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add column member.display_name
--   - drop column member.nickname
--
-- Warnings:
--   WARNING DG002: drops column member.nickname and its data; the downgrade re-creates it empty [drop-column, data loss]
--   WARNING DG008: member.nickname dropped and display_name added with the same type: if this is a rename, declare @RenamedFrom("nickname") on the field to keep the data [likely-rename, review]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE member ADD COLUMN display_name character varying(60);
ALTER TABLE member DROP COLUMN nickname;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE member ADD COLUMN nickname character varying(60);
--rollback ALTER TABLE member DROP COLUMN display_name;

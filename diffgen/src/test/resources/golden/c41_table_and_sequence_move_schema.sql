--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create schema people
--   - move table hr.note to people.note
--   - move sequence hr.note_seq to people.note_seq
--
-- Warnings:
--   WARNING DG013: renames table hr.note to people.note: instances still running the old code fail on the old name until they are redeployed; deploy code that no longer needs the old name first, or keep a view under it [rename-breaks-clients, review]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE SCHEMA people;
ALTER TABLE hr.note SET SCHEMA people;
ALTER SEQUENCE hr.note_seq SET SCHEMA people;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER SEQUENCE people.note_seq SET SCHEMA hr;
--rollback ALTER TABLE people.note SET SCHEMA hr;
--rollback DROP SCHEMA people;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create schema people
--   - move table hr.note to people.note
--   - move sequence hr.note_seq to people.note_seq
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE SCHEMA people;
ALTER TABLE hr.note SET SCHEMA people;
ALTER SEQUENCE hr.note_seq SET SCHEMA people;
--rollback ALTER SEQUENCE people.note_seq SET SCHEMA hr;
--rollback ALTER TABLE people.note SET SCHEMA hr;
--rollback DROP SCHEMA people;

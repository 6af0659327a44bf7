--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - add unique constraint uq_member_handle on member[handle]
--
-- Warnings:
--   WARNING DG010: add unique constraint uq_member_handle on member[handle] checks every existing row under lock [validates-existing-rows, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE member ADD CONSTRAINT uq_member_handle UNIQUE (handle);
--rollback ALTER TABLE member DROP CONSTRAINT uq_member_handle;

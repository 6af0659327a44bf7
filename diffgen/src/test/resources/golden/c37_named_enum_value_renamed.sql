--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - rename value CLOSED of enum type ticketstate to DONE
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TYPE ticketstate RENAME VALUE 'CLOSED' TO 'DONE';
--rollback ALTER TYPE ticketstate RENAME VALUE 'DONE' TO 'CLOSED';

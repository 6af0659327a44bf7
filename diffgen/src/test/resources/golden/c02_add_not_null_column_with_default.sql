--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - add column item.quantity
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE item ADD COLUMN quantity integer DEFAULT 0 NOT NULL;
--rollback ALTER TABLE item DROP COLUMN quantity;

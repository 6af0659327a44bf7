--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create index uq_member_handle on member
--   - add unique constraint uq_member_handle on member[handle] using its index
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SELECT 1 /* no schema change */;
--rollback SELECT 1;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index uq_member_handle on member
CREATE UNIQUE INDEX CONCURRENTLY uq_member_handle ON member (handle);
--rollback DROP INDEX CONCURRENTLY uq_member_handle;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: add unique constraint uq_member_handle on member[handle] using its index
ALTER TABLE member ADD CONSTRAINT uq_member_handle UNIQUE USING INDEX uq_member_handle;
--rollback ALTER TABLE member DROP CONSTRAINT uq_member_handle;
--rollback CREATE UNIQUE INDEX uq_member_handle ON member (handle);

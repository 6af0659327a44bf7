--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create index uq_member_handle on member
--   - add unique constraint uq_member_handle on member[handle] using its index
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "uq_member_handle" FROM (SELECT handle, count(*) AS rows FROM member WHERE handle IS NOT NULL GROUP BY handle HAVING count(*) > 1) AS violations
SELECT 1 /* no schema change */;
--rollback SELECT 1;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index uq_member_handle on member
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE UNIQUE INDEX CONCURRENTLY uq_member_handle ON member (handle);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_member_handle;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: add unique constraint uq_member_handle on member[handle] using its index
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE member ADD CONSTRAINT uq_member_handle UNIQUE USING INDEX uq_member_handle;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE member DROP CONSTRAINT uq_member_handle;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add check constraint contact_email_not_null on contact
--   - set not null on contact.email (validated first)
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "contact.email NOT NULL" FROM (SELECT * FROM contact WHERE email IS NULL) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE contact ADD CONSTRAINT contact_email_not_null CHECK (email IS NOT NULL) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE contact DROP CONSTRAINT contact_email_not_null;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: set not null on contact.email (validated first)
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE contact VALIDATE CONSTRAINT contact_email_not_null;
ALTER TABLE contact ALTER COLUMN email SET NOT NULL;
ALTER TABLE contact DROP CONSTRAINT contact_email_not_null;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE contact ALTER COLUMN email DROP NOT NULL;
--rollback ALTER TABLE contact ADD CONSTRAINT contact_email_not_null CHECK (email IS NOT NULL) NOT VALID;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - add check constraint contact_email_not_null on contact
--   - set not null on contact.email (validated first)
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE contact ADD CONSTRAINT contact_email_not_null CHECK (email IS NOT NULL) NOT VALID;
--rollback ALTER TABLE contact DROP CONSTRAINT contact_email_not_null;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: set not null on contact.email (validated first)
ALTER TABLE contact VALIDATE CONSTRAINT contact_email_not_null;
ALTER TABLE contact ALTER COLUMN email SET NOT NULL;
ALTER TABLE contact DROP CONSTRAINT contact_email_not_null;
--rollback ALTER TABLE contact ALTER COLUMN email DROP NOT NULL;
--rollback ALTER TABLE contact ADD CONSTRAINT contact_email_not_null CHECK (email IS NOT NULL) NOT VALID;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add value ARCHIVED to enum type ticketstate
--
-- Warnings:
--   WARNING DG009: the downgrade removes ARCHIVED from enum type ticketstate by re-creating it; it fails if a row holds the value by then [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TYPE ticketstate ADD VALUE 'ARCHIVED' BEFORE 'CLOSED';
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TYPE ticketstate RENAME TO ticketstate_diffgen_old;
--rollback DROP CAST (character varying AS ticketstate_diffgen_old);
--rollback DROP CAST (ticketstate_diffgen_old AS character varying);
--rollback CREATE TYPE ticketstate AS ENUM ('CLOSED', 'OPEN');
--rollback CREATE CAST (character varying AS ticketstate) WITH INOUT AS IMPLICIT;
--rollback CREATE CAST (ticketstate AS character varying) WITH INOUT AS IMPLICIT;
--rollback ALTER TABLE ticket ALTER COLUMN state DROP DEFAULT;
--rollback ALTER TABLE ticket ALTER COLUMN state TYPE ticketstate USING state::text::ticketstate;
--rollback ALTER TABLE ticket ALTER COLUMN state SET DEFAULT 'OPEN'::ticketstate;
--rollback DROP TYPE ticketstate_diffgen_old;

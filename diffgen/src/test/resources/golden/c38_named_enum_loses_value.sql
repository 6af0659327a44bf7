--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - remove value SPAM from enum type ticketstate
--
-- Warnings:
--   WARNING DG011: remove value SPAM from enum type ticketstate: PostgreSQL cannot drop a label, so the type is re-created and every column of it (ticket.state) is rewritten under lock; it fails, changing nothing, if a row holds SPAM [enum-value-removed, data-dependent]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "ticketstate without SPAM" FROM (SELECT 'ticket.state' AS used_in, state::text AS label FROM ticket WHERE state::text IN ('SPAM')) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TYPE ticketstate RENAME TO ticketstate_diffgen_old;
DROP CAST (character varying AS ticketstate_diffgen_old);
DROP CAST (ticketstate_diffgen_old AS character varying);
CREATE TYPE ticketstate AS ENUM ('CLOSED', 'OPEN');
CREATE CAST (character varying AS ticketstate) WITH INOUT AS IMPLICIT;
CREATE CAST (ticketstate AS character varying) WITH INOUT AS IMPLICIT;
ALTER TABLE ticket ALTER COLUMN state DROP DEFAULT;
ALTER TABLE ticket ALTER COLUMN state TYPE ticketstate USING state::text::ticketstate;
ALTER TABLE ticket ALTER COLUMN state SET DEFAULT 'OPEN'::ticketstate;
DROP TYPE ticketstate_diffgen_old;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TYPE ticketstate RENAME TO ticketstate_diffgen_old;
--rollback DROP CAST (character varying AS ticketstate_diffgen_old);
--rollback DROP CAST (ticketstate_diffgen_old AS character varying);
--rollback CREATE TYPE ticketstate AS ENUM ('CLOSED', 'OPEN', 'SPAM');
--rollback CREATE CAST (character varying AS ticketstate) WITH INOUT AS IMPLICIT;
--rollback CREATE CAST (ticketstate AS character varying) WITH INOUT AS IMPLICIT;
--rollback ALTER TABLE ticket ALTER COLUMN state DROP DEFAULT;
--rollback ALTER TABLE ticket ALTER COLUMN state TYPE ticketstate USING state::text::ticketstate;
--rollback ALTER TABLE ticket ALTER COLUMN state SET DEFAULT 'OPEN'::ticketstate;
--rollback DROP TYPE ticketstate_diffgen_old;

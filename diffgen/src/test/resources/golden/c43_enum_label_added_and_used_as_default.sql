--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add value QUEUED to enum type jobkind (re-created)
--   - alter column job.kind: default 'OPEN'::jobkind -> 'QUEUED'::jobkind
--
-- Warnings:
--   WARNING DG006: add value QUEUED to enum type jobkind (re-created): the type is re-created, so the revision can use the new labels at once, and every column of it (job.kind) is rewritten under lock [table-rewrite, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TYPE jobkind RENAME TO jobkind_diffgen_old;
DROP CAST (character varying AS jobkind_diffgen_old);
DROP CAST (jobkind_diffgen_old AS character varying);
CREATE TYPE jobkind AS ENUM ('CLOSED', 'OPEN', 'QUEUED');
CREATE CAST (character varying AS jobkind) WITH INOUT AS IMPLICIT;
CREATE CAST (jobkind AS character varying) WITH INOUT AS IMPLICIT;
ALTER TABLE job ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE job ALTER COLUMN kind TYPE jobkind USING kind::text::jobkind;
ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'OPEN'::jobkind;
DROP TYPE jobkind_diffgen_old;
ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'QUEUED'::jobkind;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'OPEN'::jobkind;
--rollback ALTER TYPE jobkind RENAME TO jobkind_diffgen_old;
--rollback DROP CAST (character varying AS jobkind_diffgen_old);
--rollback DROP CAST (jobkind_diffgen_old AS character varying);
--rollback CREATE TYPE jobkind AS ENUM ('CLOSED', 'OPEN');
--rollback CREATE CAST (character varying AS jobkind) WITH INOUT AS IMPLICIT;
--rollback CREATE CAST (jobkind AS character varying) WITH INOUT AS IMPLICIT;
--rollback ALTER TABLE job ALTER COLUMN kind DROP DEFAULT;
--rollback ALTER TABLE job ALTER COLUMN kind TYPE jobkind USING kind::text::jobkind;
--rollback ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'OPEN'::jobkind;
--rollback DROP TYPE jobkind_diffgen_old;

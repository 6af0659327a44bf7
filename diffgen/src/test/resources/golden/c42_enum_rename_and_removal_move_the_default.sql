--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - rename value A of enum type jobkind to AA
--   - alter column job.kind: default 'NEW'::jobkind -> 'AA'::jobkind
--   - remove value NEW from enum type jobkind
--
-- Warnings:
--   WARNING DG011: remove value NEW from enum type jobkind: PostgreSQL cannot drop a label, so the type is re-created and every column of it (job.kind) is rewritten under lock; it fails, changing nothing, if a row holds NEW [enum-value-removed, data-dependent]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "jobkind without NEW" FROM (SELECT 'job.kind' AS used_in, kind::text AS label FROM job WHERE kind::text IN ('NEW')) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TYPE jobkind RENAME VALUE 'A' TO 'AA';
ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'AA'::jobkind;
ALTER TYPE jobkind RENAME TO jobkind_diffgen_old;
DROP CAST (character varying AS jobkind_diffgen_old);
DROP CAST (jobkind_diffgen_old AS character varying);
CREATE TYPE jobkind AS ENUM ('AA', 'B');
CREATE CAST (character varying AS jobkind) WITH INOUT AS IMPLICIT;
CREATE CAST (jobkind AS character varying) WITH INOUT AS IMPLICIT;
ALTER TABLE job ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE job ALTER COLUMN kind TYPE jobkind USING kind::text::jobkind;
ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'AA'::jobkind;
DROP TYPE jobkind_diffgen_old;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TYPE jobkind RENAME TO jobkind_diffgen_old;
--rollback DROP CAST (character varying AS jobkind_diffgen_old);
--rollback DROP CAST (jobkind_diffgen_old AS character varying);
--rollback CREATE TYPE jobkind AS ENUM ('AA', 'B', 'NEW');
--rollback CREATE CAST (character varying AS jobkind) WITH INOUT AS IMPLICIT;
--rollback CREATE CAST (jobkind AS character varying) WITH INOUT AS IMPLICIT;
--rollback ALTER TABLE job ALTER COLUMN kind DROP DEFAULT;
--rollback ALTER TABLE job ALTER COLUMN kind TYPE jobkind USING kind::text::jobkind;
--rollback ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'AA'::jobkind;
--rollback DROP TYPE jobkind_diffgen_old;
--rollback ALTER TABLE job ALTER COLUMN kind SET DEFAULT 'NEW'::jobkind;
--rollback ALTER TYPE jobkind RENAME VALUE 'AA' TO 'A';

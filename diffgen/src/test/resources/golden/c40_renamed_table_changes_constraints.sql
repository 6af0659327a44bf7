--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - rename table note to memo
--   - drop index ix_note_body on memo
--   - drop unique constraint uq_note_code on memo
--   - rename constraint memo.note_pkey to memo_pkey
--   - create index ix_note_body on memo
--
-- Warnings:
--   WARNING DG013: renames table note to memo: instances still running the old code fail on the old name until they are redeployed; deploy code that no longer needs the old name first, or keep a view under it [rename-breaks-clients, review]
--   WARNING DG009: the downgrade re-adds unique constraint uq_note_code; it fails if duplicates were written meanwhile [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE note RENAME TO memo;
ALTER TABLE memo DROP CONSTRAINT uq_note_code;
ALTER TABLE memo RENAME CONSTRAINT note_pkey TO memo_pkey;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE memo RENAME CONSTRAINT memo_pkey TO note_pkey;
--rollback ALTER TABLE memo ADD CONSTRAINT uq_note_code UNIQUE (code);
--rollback ALTER TABLE memo RENAME TO note;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: drop index ix_note_body on memo
SET lock_timeout = '10s';
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY ix_note_body;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback CREATE INDEX CONCURRENTLY ix_note_body ON memo (body);

--changeset diffgen:v2.3 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_note_body on memo
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE INDEX CONCURRENTLY ix_note_body ON memo (body, code);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY ix_note_body;

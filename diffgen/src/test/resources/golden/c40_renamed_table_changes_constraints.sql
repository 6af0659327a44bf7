--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - rename table note to memo
--   - drop index ix_note_body on memo
--   - drop unique constraint uq_note_code on memo
--   - rename constraint memo.note_pkey to memo_pkey
--   - create index ix_note_body on memo
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds unique constraint uq_note_code; it fails if duplicates were written meanwhile [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE note RENAME TO memo;
DROP INDEX ix_note_body;
ALTER TABLE memo DROP CONSTRAINT uq_note_code;
ALTER TABLE memo RENAME CONSTRAINT note_pkey TO memo_pkey;
--rollback ALTER TABLE memo RENAME CONSTRAINT memo_pkey TO note_pkey;
--rollback ALTER TABLE memo ADD CONSTRAINT uq_note_code UNIQUE (code);
--rollback CREATE INDEX ix_note_body ON memo (body);
--rollback ALTER TABLE memo RENAME TO note;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_note_body on memo
CREATE INDEX CONCURRENTLY ix_note_body ON memo (body, code);
--rollback DROP INDEX CONCURRENTLY ix_note_body;

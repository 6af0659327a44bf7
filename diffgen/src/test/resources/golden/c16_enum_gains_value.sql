--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop check constraint article_status_check on article
--   - add check constraint article_status_check on article
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint article_status_check; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]
--   WARNING DG010: add check constraint article_status_check on article checks every existing row under lock [validates-existing-rows, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article ADD CONSTRAINT article_status_check CHECK (status::text = ANY (ARRAY['DRAFT'::character varying::text, 'PUBLISHED'::character varying::text, 'ARCHIVED'::character varying::text]));
--rollback ALTER TABLE article DROP CONSTRAINT article_status_check;
--rollback ALTER TABLE article ADD CONSTRAINT article_status_check CHECK (status::text = ANY (ARRAY['DRAFT'::character varying::text, 'PUBLISHED'::character varying::text]));

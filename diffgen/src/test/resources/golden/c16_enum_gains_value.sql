--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop check constraint article_status_check on article
--   - add check constraint article_status_check on article
--   - validate constraint article_status_check on article
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint article_status_check; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "article_status_check" FROM (SELECT * FROM article WHERE NOT (status::text = ANY (ARRAY['DRAFT'::character varying::text, 'PUBLISHED'::character varying::text, 'ARCHIVED'::character varying::text]))) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE article DROP CONSTRAINT article_status_check;
ALTER TABLE article ADD CONSTRAINT article_status_check CHECK (status::text = ANY (ARRAY['DRAFT'::character varying::text, 'PUBLISHED'::character varying::text, 'ARCHIVED'::character varying::text])) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE article DROP CONSTRAINT article_status_check;
--rollback ALTER TABLE article ADD CONSTRAINT article_status_check CHECK (status::text = ANY (ARRAY['DRAFT'::character varying::text, 'PUBLISHED'::character varying::text]));

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint article_status_check on article
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE article VALIDATE CONSTRAINT article_status_check;
--rollback SELECT 1 /* nothing to undo */;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create table document
--   - add foreign key fk_document_folder on document[folder_id] -> folder[id] on delete cascade
--   - validate constraint fk_document_folder on document
--
-- Warnings:
--   WARNING DG014: foreign key fk_document_folder on document[folder_id] has no index on its columns: every DELETE or key UPDATE on folder scans document; add @Index(columnList = "folder_id") [foreign-key-without-index, slow deletes]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE TABLE "document" (
    id integer NOT NULL,
    title character varying(100) NOT NULL,
    folder_id integer NOT NULL,
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
ALTER TABLE "document" ADD CONSTRAINT fk_document_folder FOREIGN KEY (folder_id) REFERENCES folder (id) ON DELETE CASCADE NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TABLE "document";

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_document_folder on document
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE "document" VALIDATE CONSTRAINT fk_document_folder;
--rollback SELECT 1 /* nothing to undo */;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create table document
--   - add foreign key fk_document_folder on document[folder_id] -> folder[id] on delete cascade
--   - validate constraint fk_document_folder on document
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE TABLE "document" (
    id integer NOT NULL,
    title character varying(100) NOT NULL,
    folder_id integer NOT NULL,
    CONSTRAINT document_pkey PRIMARY KEY (id)
);
ALTER TABLE "document" ADD CONSTRAINT fk_document_folder FOREIGN KEY (folder_id) REFERENCES folder (id) ON DELETE CASCADE NOT VALID;
--rollback ALTER TABLE "document" DROP CONSTRAINT fk_document_folder;
--rollback DROP TABLE "document";

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_document_folder on document
ALTER TABLE "document" VALIDATE CONSTRAINT fk_document_folder;
--rollback SELECT 1 /* nothing to undo */;

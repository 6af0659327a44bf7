--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create schema sales
--   - create sequence sales.note_seq
--   - create table sales.note
--   - create table sales.note_tag
--   - add foreign key fk_note_hrnote_id on sales.note[hrnote_id] -> hr.note[id] on delete no action
--   - validate constraint fk_note_hrnote_id on sales.note
--   - add foreign key fk_note_tag_salesnote_id on sales.note_tag[salesnote_id] -> sales.note[id] on delete no action
--
-- Warnings:
--   WARNING DG014: foreign key fk_note_hrnote_id on sales.note[hrnote_id] has no index on its columns: every DELETE or key UPDATE on hr.note scans sales.note; add @Index(columnList = "hrnote_id") [foreign-key-without-index, slow deletes]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE SCHEMA sales;
CREATE SEQUENCE sales.note_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE sales.note (
    id bigint NOT NULL,
    code character varying(40),
    hrnote_id integer,
    CONSTRAINT note_pkey PRIMARY KEY (id),
    CONSTRAINT uq_note_code UNIQUE (code)
);
CREATE TABLE sales.note_tag (
    salesnote_id bigint NOT NULL,
    tags character varying(255),
    CONSTRAINT uq_note_tag_salesnote_id_tags UNIQUE (salesnote_id, tags)
);
ALTER TABLE sales.note ADD CONSTRAINT fk_note_hrnote_id FOREIGN KEY (hrnote_id) REFERENCES hr.note (id) NOT VALID;
ALTER TABLE sales.note_tag ADD CONSTRAINT fk_note_tag_salesnote_id FOREIGN KEY (salesnote_id) REFERENCES sales.note (id);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TABLE sales.note_tag;
--rollback DROP TABLE sales.note;
--rollback DROP SEQUENCE sales.note_seq;
--rollback DROP SCHEMA sales;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_note_hrnote_id on sales.note
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE sales.note VALIDATE CONSTRAINT fk_note_hrnote_id;
--rollback SELECT 1 /* nothing to undo */;

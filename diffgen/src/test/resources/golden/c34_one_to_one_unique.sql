--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create table citizen
--   - add foreign key fk_citizen_passport_id on citizen[passport_id] -> passport[id] on delete no action
--   - validate constraint fk_citizen_passport_id on citizen
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE TABLE citizen (
    id integer NOT NULL,
    passport_id integer,
    CONSTRAINT citizen_pkey PRIMARY KEY (id),
    CONSTRAINT uq_citizen_passport_id UNIQUE (passport_id)
);
ALTER TABLE citizen ADD CONSTRAINT fk_citizen_passport_id FOREIGN KEY (passport_id) REFERENCES passport (id) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TABLE citizen;

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_citizen_passport_id on citizen
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE citizen VALIDATE CONSTRAINT fk_citizen_passport_id;
--rollback SELECT 1 /* nothing to undo */;

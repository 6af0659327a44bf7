--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create sequence receipt_seq
--   - create table receipt
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE SEQUENCE receipt_seq START WITH 1 INCREMENT BY 20;
CREATE TABLE receipt (
    id bigint NOT NULL,
    total_cents bigint NOT NULL,
    CONSTRAINT receipt_pkey PRIMARY KEY (id)
);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP TABLE receipt;
--rollback DROP SEQUENCE receipt_seq;

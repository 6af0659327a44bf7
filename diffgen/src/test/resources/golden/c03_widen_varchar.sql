--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column customer.full_name: type character varying(20) -> character varying(200)
--
-- Warnings:
--   WARNING DG009: the downgrade changes customer.full_name back to character varying(20); it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer ALTER COLUMN full_name TYPE character varying(200) USING full_name::character varying(200);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE customer ALTER COLUMN full_name TYPE character varying(20) USING full_name::character varying(20);

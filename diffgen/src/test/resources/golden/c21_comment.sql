--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column destination.country_code: comment
--   - set comment on table destination
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
COMMENT ON COLUMN destination.country_code IS 'ISO 3166-1 alpha-2, upper case';
COMMENT ON TABLE destination IS 'Places a shipment can be sent to';
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback COMMENT ON TABLE destination IS NULL;
--rollback COMMENT ON COLUMN destination.country_code IS NULL;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop index ix_product_sku on product
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SELECT 1 /* no schema change */;
--rollback SELECT 1;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: drop index ix_product_sku on product
SET lock_timeout = '10s';
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY ix_product_sku;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback CREATE INDEX CONCURRENTLY ix_product_sku ON product (sku);

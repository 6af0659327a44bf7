--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop index ix_product_sku on product
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
DROP INDEX ix_product_sku;
--rollback CREATE INDEX ix_product_sku ON product (sku);

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - create index ix_product_sku on product
--
-- Warnings:
--   WARNING DG007: builds index ix_product_sku on existing table product, blocking writes while it builds; consider --concurrently [index-locks-writes, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE INDEX ix_product_sku ON product (sku);
--rollback DROP INDEX ix_product_sku;

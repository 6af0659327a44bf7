--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop check constraint ck_stock_quantity on stock
--   - add check constraint ck_stock_quantity on stock
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint ck_stock_quantity; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]
--   WARNING DG010: add check constraint ck_stock_quantity on stock checks every existing row under lock [validates-existing-rows, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE stock DROP CONSTRAINT ck_stock_quantity;
ALTER TABLE stock ADD CONSTRAINT ck_stock_quantity CHECK (quantity >= 0 AND quantity <= 10000);
--rollback ALTER TABLE stock DROP CONSTRAINT ck_stock_quantity;
--rollback ALTER TABLE stock ADD CONSTRAINT ck_stock_quantity CHECK (quantity >= 0);

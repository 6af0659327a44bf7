--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop check constraint ck_stock_quantity on stock
--   - add check constraint ck_stock_quantity on stock
--   - validate constraint ck_stock_quantity on stock
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint ck_stock_quantity; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "ck_stock_quantity" FROM (SELECT * FROM stock WHERE NOT (quantity >= 0 AND quantity <= 10000)) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE stock DROP CONSTRAINT ck_stock_quantity;
ALTER TABLE stock ADD CONSTRAINT ck_stock_quantity CHECK (quantity >= 0 AND quantity <= 10000) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE stock DROP CONSTRAINT ck_stock_quantity;
--rollback ALTER TABLE stock ADD CONSTRAINT ck_stock_quantity CHECK (quantity >= 0);

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint ck_stock_quantity on stock
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE stock VALIDATE CONSTRAINT ck_stock_quantity;
--rollback SELECT 1 /* nothing to undo */;

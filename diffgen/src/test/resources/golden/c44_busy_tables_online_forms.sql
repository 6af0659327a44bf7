--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop check constraint ck_customer_name on customer
--   - add column customer.region_id
--   - add check constraint ck_customer_name on customer
--   - add check constraint customer_name_not_null on customer
--   - create index uq_customer_email on customer
--   - create index ix_customer_region_id on customer
--   - add foreign key fk_customer_region on customer[region_id] -> region[id] on delete no action
--   - validate constraint fk_customer_region on customer
--   - validate constraint ck_customer_name on customer
--   - set not null on customer.name (validated first)
--   - add unique constraint uq_customer_email on customer[email] using its index
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint ck_customer_name; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "ck_customer_name" FROM (SELECT * FROM customer WHERE NOT (char_length(name::text) >= 2)) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "uq_customer_email" FROM (SELECT email, count(*) AS rows FROM customer WHERE email IS NOT NULL GROUP BY email HAVING count(*) > 1) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "customer.name NOT NULL" FROM (SELECT * FROM customer WHERE "name" IS NULL) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer DROP CONSTRAINT ck_customer_name;
ALTER TABLE customer ADD COLUMN region_id integer;
ALTER TABLE customer ADD CONSTRAINT ck_customer_name CHECK (char_length(name::text) >= 2) NOT VALID;
ALTER TABLE customer ADD CONSTRAINT customer_name_not_null CHECK ("name" IS NOT NULL) NOT VALID;
ALTER TABLE customer ADD CONSTRAINT fk_customer_region FOREIGN KEY (region_id) REFERENCES region (id) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE customer DROP CONSTRAINT fk_customer_region;
--rollback ALTER TABLE customer DROP CONSTRAINT customer_name_not_null;
--rollback ALTER TABLE customer DROP CONSTRAINT ck_customer_name;
--rollback ALTER TABLE customer DROP COLUMN region_id;
--rollback ALTER TABLE customer ADD CONSTRAINT ck_customer_name CHECK (char_length(name::text) > 0);

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index uq_customer_email on customer
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE UNIQUE INDEX CONCURRENTLY uq_customer_email ON customer (email);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY IF EXISTS uq_customer_email;

--changeset diffgen:v2.3 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_customer_region_id on customer
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE INDEX CONCURRENTLY ix_customer_region_id ON customer (region_id);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY ix_customer_region_id;

--changeset diffgen:v2.4 logicalFilePath:<file>
--comment: validate constraint fk_customer_region on customer
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer VALIDATE CONSTRAINT fk_customer_region;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:v2.5 logicalFilePath:<file>
--comment: validate constraint ck_customer_name on customer
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer VALIDATE CONSTRAINT ck_customer_name;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:v2.6 logicalFilePath:<file>
--comment: set not null on customer.name (validated first)
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer VALIDATE CONSTRAINT customer_name_not_null;
ALTER TABLE customer ALTER COLUMN "name" SET NOT NULL;
ALTER TABLE customer DROP CONSTRAINT customer_name_not_null;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE customer ALTER COLUMN "name" DROP NOT NULL;
--rollback ALTER TABLE customer ADD CONSTRAINT customer_name_not_null CHECK ("name" IS NOT NULL) NOT VALID;

--changeset diffgen:v2.7 logicalFilePath:<file>
--comment: add unique constraint uq_customer_email on customer[email] using its index
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE customer ADD CONSTRAINT uq_customer_email UNIQUE USING INDEX uq_customer_email;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE customer DROP CONSTRAINT uq_customer_email;

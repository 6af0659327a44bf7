--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - create table opening
--   - alter column shop.name: type character varying(40) -> character varying(120)
--   - add check constraint ck_shop_rating on shop
--   - create index ix_shop_name on shop
--   - add foreign key fk_opening_shop on opening[shop_id] -> shop[id] on delete no action
--   - validate constraint fk_opening_shop on opening
--   - validate constraint ck_shop_rating on shop
--
-- Warnings:
--   WARNING DG009: the downgrade changes shop.name back to character varying(40); it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG014: foreign key fk_opening_shop on opening[shop_id] has no index on its columns: every DELETE or key UPDATE on shop scans opening; add @Index(columnList = "shop_id") [foreign-key-without-index, slow deletes]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "ck_shop_rating" FROM (SELECT * FROM shop WHERE NOT (rating >= 1 AND rating <= 5)) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE TABLE opening (
    id integer NOT NULL,
    shop_id integer NOT NULL,
    weekday smallint NOT NULL,
    opens_at time(0) without time zone NOT NULL,
    CONSTRAINT opening_pkey PRIMARY KEY (id)
);
ALTER TABLE shop ALTER COLUMN "name" TYPE character varying(120) USING "name"::character varying(120);
ALTER TABLE shop ADD CONSTRAINT ck_shop_rating CHECK (rating >= 1 AND rating <= 5) NOT VALID;
ALTER TABLE opening ADD CONSTRAINT fk_opening_shop FOREIGN KEY (shop_id) REFERENCES shop (id) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE shop DROP CONSTRAINT ck_shop_rating;
--rollback ALTER TABLE shop ALTER COLUMN "name" TYPE character varying(40) USING "name"::character varying(40);
--rollback DROP TABLE opening;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_shop_name on shop
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE INDEX CONCURRENTLY ix_shop_name ON shop ("name");
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY ix_shop_name;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: validate constraint fk_opening_shop on opening
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE opening VALIDATE CONSTRAINT fk_opening_shop;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:v2.4 logicalFilePath:<file>
--comment: validate constraint ck_shop_rating on shop
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE shop VALIDATE CONSTRAINT ck_shop_rating;
--rollback SELECT 1 /* nothing to undo */;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
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

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
CREATE TABLE opening (
    id integer NOT NULL,
    shop_id integer NOT NULL,
    weekday smallint NOT NULL,
    opens_at time without time zone NOT NULL,
    CONSTRAINT opening_pkey PRIMARY KEY (id)
);
ALTER TABLE shop ALTER COLUMN "name" TYPE character varying(120) USING "name"::character varying(120);
ALTER TABLE shop ADD CONSTRAINT ck_shop_rating CHECK (rating >= 1 AND rating <= 5) NOT VALID;
ALTER TABLE opening ADD CONSTRAINT fk_opening_shop FOREIGN KEY (shop_id) REFERENCES shop (id) NOT VALID;
--rollback ALTER TABLE opening DROP CONSTRAINT fk_opening_shop;
--rollback ALTER TABLE shop DROP CONSTRAINT ck_shop_rating;
--rollback ALTER TABLE shop ALTER COLUMN "name" TYPE character varying(40) USING "name"::character varying(40);
--rollback DROP TABLE opening;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_shop_name on shop
CREATE INDEX CONCURRENTLY ix_shop_name ON shop ("name");
--rollback DROP INDEX CONCURRENTLY ix_shop_name;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: validate constraint fk_opening_shop on opening
ALTER TABLE opening VALIDATE CONSTRAINT fk_opening_shop;
--rollback SELECT 1 /* nothing to undo */;

--changeset diffgen:v2.4 logicalFilePath:<file>
--comment: validate constraint ck_shop_rating on shop
ALTER TABLE shop VALIDATE CONSTRAINT ck_shop_rating;
--rollback SELECT 1 /* nothing to undo */;

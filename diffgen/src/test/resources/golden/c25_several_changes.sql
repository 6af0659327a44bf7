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
--
-- Warnings:
--   WARNING DG009: the downgrade changes shop.name back to character varying(40); it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG010: add check constraint ck_shop_rating on shop checks every existing row under lock [validates-existing-rows, long lock]
--   WARNING DG007: builds index ix_shop_name on existing table shop, blocking writes while it builds; consider --concurrently [index-locks-writes, long lock]

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
ALTER TABLE shop ADD CONSTRAINT ck_shop_rating CHECK (rating >= 1 AND rating <= 5);
CREATE INDEX ix_shop_name ON shop ("name");
ALTER TABLE opening ADD CONSTRAINT fk_opening_shop FOREIGN KEY (shop_id) REFERENCES shop (id);
--rollback ALTER TABLE opening DROP CONSTRAINT fk_opening_shop;
--rollback DROP INDEX ix_shop_name;
--rollback ALTER TABLE shop DROP CONSTRAINT ck_shop_rating;
--rollback ALTER TABLE shop ALTER COLUMN "name" TYPE character varying(40) USING "name"::character varying(40);
--rollback DROP TABLE opening;

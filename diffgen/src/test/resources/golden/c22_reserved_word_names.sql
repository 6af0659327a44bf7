--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add column order.timestamp
--   - add column order.select
--   - alter column order.type: type character varying(20) -> character varying(40)
--   - create index ix_order_user_type on order
--
-- Warnings:
--   WARNING DG009: the downgrade changes order.type back to character varying(20); it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE "order" ADD COLUMN "timestamp" timestamp without time zone;
ALTER TABLE "order" ADD COLUMN "select" boolean DEFAULT false NOT NULL;
ALTER TABLE "order" ALTER COLUMN "type" TYPE character varying(40) USING "type"::character varying(40);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE "order" ALTER COLUMN "type" TYPE character varying(20) USING "type"::character varying(20);
--rollback ALTER TABLE "order" DROP COLUMN "select";
--rollback ALTER TABLE "order" DROP COLUMN "timestamp";

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index ix_order_user_type on order
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE INDEX CONCURRENTLY ix_order_user_type ON "order" ("user", "type");
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY ix_order_user_type;

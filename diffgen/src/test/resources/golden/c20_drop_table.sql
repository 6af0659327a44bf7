--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop foreign key fk_invoice_line_invoice on invoice_line
--   - drop index ix_invoice_line_invoice on invoice_line
--   - drop table invoice_line
--
-- Warnings:
--   WARNING DG001: drops table invoice_line and all its rows; the downgrade re-creates it empty [drop-table, data loss]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
DROP TABLE invoice_line;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback CREATE TABLE invoice_line (
--rollback     id integer NOT NULL,
--rollback     invoice_id integer NOT NULL,
--rollback     "position" integer NOT NULL,
--rollback     amount numeric(10,2) NOT NULL,
--rollback     CONSTRAINT invoice_line_pkey PRIMARY KEY (id),
--rollback     CONSTRAINT uq_invoice_line_position UNIQUE (invoice_id, "position"),
--rollback     CONSTRAINT ck_invoice_line_amount CHECK (amount >= 0::numeric)
--rollback );
--rollback CREATE INDEX ix_invoice_line_invoice ON invoice_line (invoice_id);
--rollback ALTER TABLE invoice_line ADD CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id);

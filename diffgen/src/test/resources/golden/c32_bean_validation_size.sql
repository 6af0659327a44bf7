--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - alter column author.penname: type character varying(40) -> character varying(80)
--   - add check constraint author_country_not_null on author
--   - set not null on author.country (validated first)
--
-- Warnings:
--   WARNING DG009: the downgrade changes author.penname back to character varying(40); it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "author.country NOT NULL" FROM (SELECT * FROM author WHERE country IS NULL) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE author ALTER COLUMN penname TYPE character varying(80) USING penname::character varying(80);
ALTER TABLE author ADD CONSTRAINT author_country_not_null CHECK (country IS NOT NULL) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE author DROP CONSTRAINT author_country_not_null;
--rollback ALTER TABLE author ALTER COLUMN penname TYPE character varying(40) USING penname::character varying(40);

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: set not null on author.country (validated first)
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE author VALIDATE CONSTRAINT author_country_not_null;
ALTER TABLE author ALTER COLUMN country SET NOT NULL;
ALTER TABLE author DROP CONSTRAINT author_country_not_null;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE author ALTER COLUMN country DROP NOT NULL;
--rollback ALTER TABLE author ADD CONSTRAINT author_country_not_null CHECK (country IS NOT NULL) NOT VALID;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - alter column author.penname: type character varying(40) -> character varying(80)
--   - alter column author.country: set not null
--
-- Warnings:
--   WARNING DG009: the downgrade changes author.penname back to character varying(40); it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG005: SET NOT NULL on author.country scans the table under an ACCESS EXCLUSIVE lock and fails if it holds NULLs [set-not-null, long lock]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE author ALTER COLUMN penname TYPE character varying(80) USING penname::character varying(80);
ALTER TABLE author ALTER COLUMN country SET NOT NULL;
--rollback ALTER TABLE author ALTER COLUMN country DROP NOT NULL;
--rollback ALTER TABLE author ALTER COLUMN penname TYPE character varying(40) USING penname::character varying(40);

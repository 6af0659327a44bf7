--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop check constraint parcel_state_check on parcel
--   - alter composite type position: add attribute altitude, re-create it
--   - alter column parcel.weight: type numeric(8,2) -> numeric(8,3); comment
--   - alter column parcel.sent_at: type timestamp(0) with time zone -> timestamp(3) with time zone
--   - add check constraint parcel_state_check on parcel
--   - validate constraint parcel_state_check on parcel
--   - set storage parameters of index ix_parcel_sent_at on parcel: (fillfactor=90) -> ()
--   - set comment on table parcel
--   - set storage parameters of table parcel: (fillfactor=90) -> (autovacuum_enabled=false, fillfactor=70)
--
-- Warnings:
--   WARNING DG009: the downgrade re-adds check constraint parcel_state_check; it fails if rows written meanwhile break it [downgrade-may-fail, irreversible]
--   WARNING DG006: alter composite type position: add attribute altitude, re-create it: PostgreSQL only drops or appends attributes of a type in use, so every column of it (parcel.last_seen_at) is rewritten under lock [table-rewrite, long lock]
--   WARNING DG003: changes parcel.weight from numeric(8,2) to numeric(8,3); values that do not fit fail the migration or are converted [narrowing-type, data loss]
--   WARNING DG006: changing parcel.weight to numeric(8,3) rewrites the table under an ACCESS EXCLUSIVE lock [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes parcel.sent_at back to timestamp(0) with time zone; it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "parcel.weight as numeric(8,3)" FROM (SELECT * FROM parcel WHERE abs(round(weight, 3)) >= 10::numeric ^ 5) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "parcel_state_check" FROM (SELECT * FROM parcel WHERE NOT (state::text = ANY (ARRAY['S'::character varying::text, 'L'::character varying::text, 'N'::character varying::text]))) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE parcel DROP CONSTRAINT parcel_state_check;
ALTER TYPE "position" RENAME TO position_diffgen_old;
CREATE TYPE "position" AS (altitude double precision, latitude double precision, longitude double precision);
ALTER TABLE parcel ALTER COLUMN last_seen_at TYPE "position" USING CASE WHEN last_seen_at IS NOT DISTINCT FROM NULL THEN NULL ELSE ROW(NULL::double precision, (last_seen_at).latitude::double precision, (last_seen_at).longitude::double precision)::"position" END;
DROP TYPE position_diffgen_old;
ALTER TABLE parcel ALTER COLUMN weight TYPE numeric(8,3) USING weight::numeric(8,3);
COMMENT ON COLUMN parcel.weight IS 'kilograms, to the gram';
ALTER TABLE parcel ALTER COLUMN sent_at TYPE timestamp(3) with time zone USING sent_at::timestamp(3) with time zone;
ALTER TABLE parcel ADD CONSTRAINT parcel_state_check CHECK (state::text = ANY (ARRAY['S'::character varying::text, 'L'::character varying::text, 'N'::character varying::text])) NOT VALID;
ALTER INDEX ix_parcel_sent_at RESET (fillfactor);
COMMENT ON TABLE parcel IS 'a parcel on its way to a customer';
ALTER TABLE parcel SET (autovacuum_enabled=false, fillfactor=70);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE parcel SET (fillfactor=90);
--rollback ALTER TABLE parcel RESET (autovacuum_enabled);
--rollback COMMENT ON TABLE parcel IS 'a parcel on its way';
--rollback ALTER INDEX ix_parcel_sent_at SET (fillfactor=90);
--rollback ALTER TABLE parcel DROP CONSTRAINT parcel_state_check;
--rollback ALTER TABLE parcel ALTER COLUMN sent_at TYPE timestamp(0) with time zone USING sent_at::timestamp(0) with time zone;
--rollback ALTER TABLE parcel ALTER COLUMN weight TYPE numeric(8,2) USING weight::numeric(8,2);
--rollback COMMENT ON COLUMN parcel.weight IS 'kilograms';
--rollback ALTER TYPE "position" DROP ATTRIBUTE altitude;
--rollback ALTER TABLE parcel ADD CONSTRAINT parcel_state_check CHECK (state::text = ANY (ARRAY['S'::character varying::text, 'N'::character varying::text]));

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint parcel_state_check on parcel
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE parcel VALIDATE CONSTRAINT parcel_state_check;
--rollback SELECT 1 /* nothing to undo */;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - rename column story.title to headline
--
-- Warnings:
--   WARNING DG013: renames column story.title to headline: instances still running the old code fail on the old name until they are redeployed; --expand-contract keeps both names in step until the deploy is over [rename-breaks-clients, review]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE story RENAME COLUMN title TO headline;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE story RENAME COLUMN headline TO title;

--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add column a_table_name_that_goes_on_well_past_the_sixty_three_bytes_postg.second_column_whose_name_is_also_far_longer_than_postgresql_kee
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE a_table_name_that_goes_on_well_past_the_sixty_three_bytes_postg ADD COLUMN second_column_whose_name_is_also_far_longer_than_postgresql_kee integer;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE a_table_name_that_goes_on_well_past_the_sixty_three_bytes_postg DROP COLUMN second_column_whose_name_is_also_far_longer_than_postgresql_kee;

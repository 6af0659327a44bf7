--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - rename table blog_entry to post
--   - rename constraint post.blog_entry_pkey to post_pkey
--
-- Warnings:
--   WARNING DG013: renames table blog_entry to post: instances still running the old code fail on the old name until they are redeployed; deploy code that no longer needs the old name first, or keep a view under it [rename-breaks-clients, review]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE blog_entry RENAME TO post;
ALTER TABLE post RENAME CONSTRAINT blog_entry_pkey TO post_pkey;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE post RENAME CONSTRAINT post_pkey TO blog_entry_pkey;
--rollback ALTER TABLE post RENAME TO blog_entry;

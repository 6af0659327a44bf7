--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - rename table blog_entry to post
--   - rename constraint post.blog_entry_pkey to post_pkey
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE blog_entry RENAME TO post;
ALTER TABLE post RENAME CONSTRAINT blog_entry_pkey TO post_pkey;
--rollback ALTER TABLE post RENAME CONSTRAINT post_pkey TO blog_entry_pkey;
--rollback ALTER TABLE post RENAME TO blog_entry;

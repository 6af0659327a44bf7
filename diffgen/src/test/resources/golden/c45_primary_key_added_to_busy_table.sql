--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - add check constraint article_tag_tag_not_null on article_tag
--   - create index article_tag_pkey on article_tag
--   - set not null on article_tag.tag (validated first)
--   - add primary key article_tag_pkey on article_tag[article_id, tag] using its index
--
-- Warnings:
--   (none)

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "article_tag_pkey" FROM (SELECT article_id, tag, count(*) AS rows FROM article_tag WHERE article_id IS NOT NULL AND tag IS NOT NULL GROUP BY article_id, tag HAVING count(*) > 1) AS violations
--precondition-sql-check expectedResult:0 SELECT count(*) AS "article_tag.tag NOT NULL" FROM (SELECT * FROM article_tag WHERE tag IS NULL) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE article_tag ADD CONSTRAINT article_tag_tag_not_null CHECK (tag IS NOT NULL) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE article_tag DROP CONSTRAINT article_tag_tag_not_null;

--changeset diffgen:v2.2 logicalFilePath:<file> runInTransaction:false
--comment: create index article_tag_pkey on article_tag
SET lock_timeout = '10s';
SET statement_timeout = '0';
CREATE UNIQUE INDEX CONCURRENTLY article_tag_pkey ON article_tag (article_id, tag);
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback DROP INDEX CONCURRENTLY IF EXISTS article_tag_pkey;

--changeset diffgen:v2.3 logicalFilePath:<file>
--comment: set not null on article_tag.tag (validated first)
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE article_tag VALIDATE CONSTRAINT article_tag_tag_not_null;
ALTER TABLE article_tag ALTER COLUMN tag SET NOT NULL;
ALTER TABLE article_tag DROP CONSTRAINT article_tag_tag_not_null;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE article_tag ALTER COLUMN tag DROP NOT NULL;
--rollback ALTER TABLE article_tag ADD CONSTRAINT article_tag_tag_not_null CHECK (tag IS NOT NULL) NOT VALID;

--changeset diffgen:v2.4 logicalFilePath:<file>
--comment: add primary key article_tag_pkey on article_tag[article_id, tag] using its index
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE article_tag ADD CONSTRAINT article_tag_pkey PRIMARY KEY USING INDEX article_tag_pkey;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE article_tag DROP CONSTRAINT article_tag_pkey;

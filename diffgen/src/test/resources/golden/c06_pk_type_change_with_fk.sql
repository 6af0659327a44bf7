--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
-- Model: Hibernate ORM <version> (bundled with diffgen)
--
-- Changes:
--   - drop foreign key fk_book_author on book
--   - alter column author.id: type integer -> bigint
--   - alter column book.author_id: type integer -> bigint
--   - add foreign key fk_book_author on book[author_id] -> author[id] on delete no action
--   - validate constraint fk_book_author on book
--
-- Warnings:
--   WARNING DG006: changing author.id to bigint rewrites the table under an ACCESS EXCLUSIVE lock; unless a key or constraint uses the column, --expand-contract copies it in batches instead [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes author.id back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG006: changing book.author_id to bigint rewrites the table under an ACCESS EXCLUSIVE lock; unless a key or constraint uses the column, --expand-contract copies it in batches instead [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes book.author_id back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG014: foreign key fk_book_author on book[author_id] has no index on its columns: every DELETE or key UPDATE on author scans book; add @Index(columnList = "author_id") [foreign-key-without-index, slow deletes]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
--preconditions onFail:HALT onError:WARN
--precondition-sql-check expectedResult:0 SELECT count(*) AS "fk_book_author" FROM (SELECT r.* FROM book AS r WHERE r.author_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM author AS p WHERE p.id = r.author_id)) AS violations
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE book DROP CONSTRAINT fk_book_author;
ALTER TABLE author ALTER COLUMN id TYPE bigint USING id::bigint;
ALTER TABLE book ALTER COLUMN author_id TYPE bigint USING author_id::bigint;
ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) NOT VALID;
--rollback SET lock_timeout = '10s';
--rollback SET statement_timeout = '0';
--rollback ALTER TABLE book DROP CONSTRAINT fk_book_author;
--rollback ALTER TABLE book ALTER COLUMN author_id TYPE integer USING author_id::integer;
--rollback ALTER TABLE author ALTER COLUMN id TYPE integer USING id::integer;
--rollback ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id);

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_book_author on book
SET lock_timeout = '10s';
SET statement_timeout = '0';
ALTER TABLE book VALIDATE CONSTRAINT fk_book_author;
--rollback SELECT 1 /* nothing to undo */;

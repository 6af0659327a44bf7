--liquibase formatted sql
-- Revision: v2
-- Revises: v1
-- Message: v2
--
-- Changes:
--   - drop foreign key fk_book_author on book
--   - alter column author.id: type integer -> bigint
--   - alter column book.author_id: type integer -> bigint
--   - add foreign key fk_book_author on book[author_id] -> author[id] on delete no action
--   - validate constraint fk_book_author on book
--
-- Warnings:
--   WARNING DG006: changing author.id to bigint rewrites the table under an ACCESS EXCLUSIVE lock [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes author.id back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]
--   WARNING DG006: changing book.author_id to bigint rewrites the table under an ACCESS EXCLUSIVE lock [table-rewrite, long lock]
--   WARNING DG009: the downgrade changes book.author_id back to integer; it fails if newer values do not fit [downgrade-may-fail, irreversible]

--changeset diffgen:v2 logicalFilePath:<file>
--comment: v2
ALTER TABLE book DROP CONSTRAINT fk_book_author;
ALTER TABLE author ALTER COLUMN id TYPE bigint USING id::bigint;
ALTER TABLE book ALTER COLUMN author_id TYPE bigint USING author_id::bigint;
ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id) NOT VALID;
--rollback ALTER TABLE book DROP CONSTRAINT fk_book_author;
--rollback ALTER TABLE book ALTER COLUMN author_id TYPE integer USING author_id::integer;
--rollback ALTER TABLE author ALTER COLUMN id TYPE integer USING id::integer;
--rollback ALTER TABLE book ADD CONSTRAINT fk_book_author FOREIGN KEY (author_id) REFERENCES author (id);

--changeset diffgen:v2.2 logicalFilePath:<file>
--comment: validate constraint fk_book_author on book
ALTER TABLE book VALIDATE CONSTRAINT fk_book_author;
--rollback SELECT 1 /* nothing to undo */;

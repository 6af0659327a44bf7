SELECT count(*) = 3 FROM book b JOIN author a ON a.id = b.author_id;
SELECT a.name = 'Lem' FROM book b JOIN author a ON a.id = b.author_id WHERE b.id = 11;
SELECT data_type = 'bigint' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'author' AND column_name = 'id';
SELECT data_type = 'bigint' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'book' AND column_name = 'author_id';
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'fk_book_author' AND contype = 'f' AND convalidated;

SELECT count(*) = 3 FROM article_tag;
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'article_tag'::regclass;
SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'article_tag'::regclass AND contype = 'p';

SELECT title = 'hello' FROM post WHERE id = 1;
SELECT count(*) = 2 FROM post;
SELECT to_regclass('blog_entry') IS NULL;
SELECT count(*) = 2 FROM reply r JOIN post p ON p.id = r.entry_id;
SELECT confrelid = 'post'::regclass FROM pg_constraint WHERE conname = 'fk_reply_entry';
SELECT count(*) = 1 FROM pg_constraint WHERE conname = 'post_pkey' AND contype = 'p';

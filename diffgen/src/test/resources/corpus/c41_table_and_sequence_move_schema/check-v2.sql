SELECT count(*) = 5 FROM people.note WHERE body = 'kept';
SELECT nextval('people.note_seq') = 6;
SELECT NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'hr' AND c.relname LIKE 'note%');

SELECT body = 'short body' FROM note WHERE id = 1;
SELECT body IS NULL FROM note WHERE id = 2;
SELECT data_type = 'text' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'note' AND column_name = 'body';

SELECT full_name = 'Ada Lovelace' FROM customer WHERE id = 1;
SELECT full_name = 'twenty chars exactly' FROM customer WHERE id = 2;
SELECT character_maximum_length = 200 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'customer' AND column_name = 'full_name';

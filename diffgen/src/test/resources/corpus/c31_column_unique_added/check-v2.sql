SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'member'::regclass AND contype = 'u';

SELECT login = 'ann' FROM account WHERE id = 1;
SELECT count(*) = 2 FROM account;
SELECT NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'account' AND column_name = 'legacy_code');

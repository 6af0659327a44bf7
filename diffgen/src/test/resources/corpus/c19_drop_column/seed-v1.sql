INSERT INTO account (id, login, legacy_code) VALUES (1, 'ann', 'L-1'), (2, 'bob', NULL);

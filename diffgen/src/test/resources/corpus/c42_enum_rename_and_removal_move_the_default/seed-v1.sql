INSERT INTO job (id, kind) VALUES (1, 'A'), (2, 'B');

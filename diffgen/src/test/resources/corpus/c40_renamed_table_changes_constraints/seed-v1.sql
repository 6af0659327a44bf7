INSERT INTO note (id, code, body) VALUES (1, 'a', 'kept');

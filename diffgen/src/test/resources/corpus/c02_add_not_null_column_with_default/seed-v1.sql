INSERT INTO item (id, title) VALUES (1, 'first'), (2, 'second');

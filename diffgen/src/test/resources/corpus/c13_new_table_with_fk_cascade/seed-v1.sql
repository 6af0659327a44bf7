INSERT INTO folder (id, name) VALUES (1, 'inbox'), (2, 'archive');

INSERT INTO story (id, title) VALUES (1, 'Moon landing'), (2, 'Wall falls');

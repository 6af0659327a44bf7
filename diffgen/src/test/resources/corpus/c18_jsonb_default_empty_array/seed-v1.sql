INSERT INTO photo (id, url) VALUES (1, 'https://example.org/1.jpg'), (2, 'https://example.org/2.jpg');

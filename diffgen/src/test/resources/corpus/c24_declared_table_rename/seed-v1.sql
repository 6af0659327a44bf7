INSERT INTO blog_entry (id, title) VALUES (1, 'hello'), (2, 'again');
INSERT INTO reply (id, body, entry_id) VALUES (1, 'nice', 1), (2, 'meh', 2);

INSERT INTO region (id, code) VALUES (1, 'EU'), (2, 'US');
INSERT INTO customer (id, email, name) VALUES (1, 'ann@example.com', 'Ann'), (2, 'bob@example.com', 'Bob'), (3, NULL, 'Cy');

INSERT INTO price (id, amount) VALUES (1, 12345678.90), (2, -0.05);

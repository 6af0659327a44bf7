INSERT INTO stock (id, quantity) VALUES (1, 0), (2, 500);

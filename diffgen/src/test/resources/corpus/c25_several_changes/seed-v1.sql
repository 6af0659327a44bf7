INSERT INTO shop (id, name, rating) VALUES (1, 'Corner Bakery', 4), (2, 'Bike Repair', NULL);

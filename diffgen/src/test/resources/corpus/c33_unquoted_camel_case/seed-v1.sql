INSERT INTO LineItem (id, productCode) VALUES (1, 'SKU-1');

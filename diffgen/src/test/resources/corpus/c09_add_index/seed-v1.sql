INSERT INTO product (id, sku) VALUES (1, 'SKU-1'), (2, 'SKU-2');

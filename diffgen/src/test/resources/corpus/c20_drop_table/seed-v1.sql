INSERT INTO invoice (id, number) VALUES (1, 'INV-1');
INSERT INTO invoice_line (id, invoice_id, position, amount) VALUES (1, 1, 1, 10.00), (2, 1, 2, 5.50);

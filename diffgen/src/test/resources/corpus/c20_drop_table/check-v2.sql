SELECT number = 'INV-1' FROM invoice WHERE id = 1;
SELECT to_regclass('invoice_line') IS NULL;

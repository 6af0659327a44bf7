SELECT productCode = 'SKU-1' AND unitPrice IS NULL FROM LineItem WHERE id = 1;

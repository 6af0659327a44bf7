SELECT count(*) = 2 FROM stock;
SELECT pg_get_constraintdef(oid) LIKE '%10000%' FROM pg_constraint WHERE conname = 'ck_stock_quantity';
SELECT NOT EXISTS (SELECT 1 FROM stock WHERE quantity > 10000);

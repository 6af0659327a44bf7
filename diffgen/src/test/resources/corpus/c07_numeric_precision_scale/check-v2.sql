SELECT amount = 12345678.90 AND amount::text = '12345678.9000' FROM price WHERE id = 1;
SELECT amount = -0.05 FROM price WHERE id = 2;
SELECT numeric_precision = 14 AND numeric_scale = 4 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'price' AND column_name = 'amount';

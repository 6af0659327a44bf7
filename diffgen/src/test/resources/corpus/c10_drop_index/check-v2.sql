SELECT count(*) = 2 FROM product;
SELECT count(*) = 0 FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_product_sku';

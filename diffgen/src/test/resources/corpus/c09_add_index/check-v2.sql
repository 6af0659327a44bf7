SELECT count(*) = 2 FROM product;
SELECT indexdef = 'CREATE INDEX ix_product_sku ON ' || current_schema() || '.product USING btree (sku)' FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_product_sku';

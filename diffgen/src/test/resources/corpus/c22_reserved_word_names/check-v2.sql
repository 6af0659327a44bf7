SELECT "user" = 'ann' AND "type" = 'web' AND "timestamp" IS NULL AND "select" = false FROM "order" WHERE id = 1;
SELECT "user" = 'bob' AND "type" IS NULL FROM "order" WHERE id = 2;
SELECT count(*) = 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'order' AND indexname = 'ix_order_user_type';

SELECT created_at = '2024-06-30 23:59:59.123456' FROM event WHERE id = 2;
SELECT count(*) = 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'event' AND indexdef LIKE '%(created_at DESC)';

SELECT count(*) = 2 FROM task;
SELECT indexdef LIKE '%(due_date, priority DESC) WHERE (done = false)' FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'ix_task_open_due';

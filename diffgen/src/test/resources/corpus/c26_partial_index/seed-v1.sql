INSERT INTO task (id, due_date, priority, done) VALUES (1, '2024-05-01', 2, false), (2, '2024-05-02', 1, true);

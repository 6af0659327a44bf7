INSERT INTO event (id, created_at) VALUES (1, '2024-01-01 10:00:00'), (2, '2024-06-30 23:59:59.123456');

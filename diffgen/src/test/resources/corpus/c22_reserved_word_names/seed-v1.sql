INSERT INTO "order" (id, "user", "type") VALUES (1, 'ann', 'web'), (2, 'bob', NULL);

INSERT INTO counter (id, hits) VALUES (1, 2147483647), (2, -5);

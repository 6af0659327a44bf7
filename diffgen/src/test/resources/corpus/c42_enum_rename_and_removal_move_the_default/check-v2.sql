SELECT kind = 'AA' FROM job WHERE id = 1;
INSERT INTO job (id) VALUES (3);
SELECT kind = 'AA' FROM job WHERE id = 3;
DELETE FROM job WHERE id = 3;

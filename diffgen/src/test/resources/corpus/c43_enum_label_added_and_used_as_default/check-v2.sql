SELECT kind = 'OPEN' FROM job WHERE id = 1;
INSERT INTO job (id) VALUES (2);
SELECT kind = 'QUEUED' FROM job WHERE id = 2;
DELETE FROM job WHERE id = 2;

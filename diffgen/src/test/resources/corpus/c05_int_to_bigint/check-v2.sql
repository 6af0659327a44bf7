SELECT hits = 2147483647 FROM counter WHERE id = 1;
SELECT hits = -5 FROM counter WHERE id = 2;
UPDATE counter SET hits = hits + 1 WHERE id = 1;
SELECT hits = 2147483648 FROM counter WHERE id = 1;
UPDATE counter SET hits = 2147483647 WHERE id = 1;

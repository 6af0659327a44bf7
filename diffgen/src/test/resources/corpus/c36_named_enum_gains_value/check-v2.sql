SELECT state = 'OPEN' FROM ticket WHERE id = 1;
SELECT state = 'CLOSED' FROM ticket WHERE id = 2;
INSERT INTO ticket (id, state) VALUES (3, 'ARCHIVED');
SELECT count(*) = 3 FROM ticket;
DELETE FROM ticket WHERE id = 3;

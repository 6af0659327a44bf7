SELECT state = 'draft' FROM ticket WHERE id = 1;
SELECT state = 'closed' FROM ticket WHERE id = 2;
INSERT INTO ticket (id) VALUES (3);
SELECT state = 'open' FROM ticket WHERE id = 3;

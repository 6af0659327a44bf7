SELECT state = 'OPEN' FROM ticket WHERE id = 1;
SELECT state = 'DONE' FROM ticket WHERE id = 2;

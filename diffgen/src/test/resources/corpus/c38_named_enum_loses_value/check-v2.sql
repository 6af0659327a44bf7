SELECT state = 'OPEN' FROM ticket WHERE id = 1;
SELECT state = 'CLOSED' FROM ticket WHERE id = 2;
SELECT NOT EXISTS (SELECT 1 FROM pg_enum WHERE enumlabel = 'SPAM');

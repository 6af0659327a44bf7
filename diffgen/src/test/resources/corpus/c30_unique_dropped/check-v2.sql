SELECT count(*) = 2 FROM subscriber;
INSERT INTO subscriber (id, email) VALUES (3, 'a@example.org');
SELECT count(*) = 2 FROM subscriber WHERE email = 'a@example.org';
DELETE FROM subscriber WHERE id = 3;
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'uq_subscriber_email');

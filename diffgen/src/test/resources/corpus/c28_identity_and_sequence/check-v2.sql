SELECT count(*) = 2 FROM visit;
INSERT INTO visit (path) VALUES ('/contact');
SELECT max(id) = 3 FROM visit;
SELECT seqincrement = 20 AND seqstart = 1 FROM pg_sequence WHERE seqrelid = 'receipt_seq'::regclass;
SELECT nextval('receipt_seq') = 1;
INSERT INTO receipt (id, total_cents) VALUES (1, 999);

SELECT body = 'kept' FROM hr.note WHERE id = 1;
INSERT INTO sales.note (id, code, hrnote_id) VALUES (nextval('sales.note_seq'), 'A-1', 1);
SELECT count(*) = 1 FROM sales.note JOIN hr.note h ON h.id = sales.note.hrnote_id;
DELETE FROM sales.note;

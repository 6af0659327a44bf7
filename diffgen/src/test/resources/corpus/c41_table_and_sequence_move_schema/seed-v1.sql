INSERT INTO hr.note (id, body) SELECT nextval('hr.note_seq'), 'kept' FROM generate_series(1, 5);

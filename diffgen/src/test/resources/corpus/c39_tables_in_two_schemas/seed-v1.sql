INSERT INTO hr.note (id, body) VALUES (1, 'kept');

INSERT INTO ticket (id) VALUES (1);
INSERT INTO ticket (id, state) VALUES (2, 'CLOSED');

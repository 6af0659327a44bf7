INSERT INTO team (id, name) VALUES (1, 'red'), (2, 'blue');
INSERT INTO player (id, name, team_id) VALUES (1, 'ann', 1), (2, 'bob', 2), (3, 'cy', NULL);

INSERT INTO author (id, name) VALUES (1, 'Le Guin'), (2, 'Lem');
INSERT INTO book (id, title, author_id) VALUES (10, 'The Dispossessed', 1), (11, 'Solaris', 2), (12, 'Lathe of Heaven', 1);

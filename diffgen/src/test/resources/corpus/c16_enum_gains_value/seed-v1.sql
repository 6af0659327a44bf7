INSERT INTO article (id, status) VALUES (1, 'DRAFT'), (2, 'PUBLISHED');

INSERT INTO member (id, handle) VALUES (1, 'ada'), (2, 'grace');

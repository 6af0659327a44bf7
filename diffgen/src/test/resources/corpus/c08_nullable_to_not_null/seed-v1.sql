INSERT INTO contact (id, email) VALUES (1, 'a@example.org'), (2, 'b@example.org');

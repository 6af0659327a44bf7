INSERT INTO note (id, body) VALUES (1, 'short body'), (2, NULL);

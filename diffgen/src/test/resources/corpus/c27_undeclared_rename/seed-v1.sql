INSERT INTO member (id, nickname) VALUES (1, 'ace'), (2, 'bee');

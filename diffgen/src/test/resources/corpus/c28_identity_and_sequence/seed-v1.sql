INSERT INTO visit (path) VALUES ('/'), ('/about');

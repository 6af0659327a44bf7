INSERT INTO destination (id, country_code) VALUES (1, 'FR');

INSERT INTO author (id, penname, country) VALUES (1, 'Ellis Peters', 'UK');

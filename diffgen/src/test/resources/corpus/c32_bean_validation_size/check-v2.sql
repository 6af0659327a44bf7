SELECT penname = 'Ellis Peters' AND country = 'UK' FROM author WHERE id = 1;
SELECT character_maximum_length = 80 FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'penname';
SELECT is_nullable = 'NO' FROM information_schema.columns WHERE table_name = 'author' AND column_name = 'country';

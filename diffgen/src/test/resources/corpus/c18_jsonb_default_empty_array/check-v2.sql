SELECT count(*) = 2 FROM photo WHERE tags = '[]'::jsonb;
SELECT jsonb_typeof(tags) = 'array' FROM photo WHERE id = 1;
SELECT url = 'https://example.org/1.jpg' FROM photo WHERE id = 1;
SELECT data_type = 'jsonb' FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'photo' AND column_name = 'tags';

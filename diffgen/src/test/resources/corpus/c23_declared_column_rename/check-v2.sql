SELECT headline = 'Moon landing' FROM story WHERE id = 1;
SELECT headline = 'Wall falls' FROM story WHERE id = 2;
SELECT NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'story' AND column_name = 'title');

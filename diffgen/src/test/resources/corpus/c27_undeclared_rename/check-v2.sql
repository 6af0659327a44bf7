SELECT count(*) = 2 FROM member;
SELECT count(*) = 2 FROM member WHERE display_name IS NULL;

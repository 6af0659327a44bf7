SELECT status = 'DRAFT' FROM article WHERE id = 1;
SELECT status = 'PUBLISHED' FROM article WHERE id = 2;
INSERT INTO article (id, status) VALUES (3, 'ARCHIVED');
SELECT count(*) = 3 FROM article;
DELETE FROM article WHERE id = 3;

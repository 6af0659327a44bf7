INSERT INTO article (id) VALUES (1), (2);
INSERT INTO article_tag (article_id, tag) VALUES (1, 'db'), (1, 'java'), (2, 'db');

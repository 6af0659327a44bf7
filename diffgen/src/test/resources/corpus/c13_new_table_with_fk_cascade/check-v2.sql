SELECT count(*) = 2 FROM folder;
INSERT INTO document (id, title, folder_id) VALUES (1, 'a', 1), (2, 'b', 1), (3, 'c', 2);
DELETE FROM folder WHERE id = 1;
SELECT count(*) = 1 FROM document;
SELECT folder_id = 2 FROM document WHERE id = 3;
SELECT confdeltype = 'c' FROM pg_constraint WHERE conname = 'fk_document_folder';

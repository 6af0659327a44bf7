SELECT count(*) = 2 FROM item WHERE quantity = 0;
SELECT title = 'first' FROM item WHERE id = 1;

SELECT title = 'first' AND note IS NULL FROM item WHERE id = 1;

INSERT INTO customer (id, full_name) VALUES (1, 'Ada Lovelace'), (2, 'twenty chars exactly');

SELECT body = 'kept' FROM memo WHERE id = 1;

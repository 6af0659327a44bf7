SELECT count(*) = 3 FROM customer;
SELECT bool_and(convalidated) FROM pg_constraint WHERE conrelid = 'customer'::regclass;
SELECT bool_and(indisvalid) FROM pg_index WHERE indrelid = 'customer'::regclass;
SELECT NOT attnotnull = false FROM pg_attribute WHERE attrelid = 'customer'::regclass AND attname = 'name';

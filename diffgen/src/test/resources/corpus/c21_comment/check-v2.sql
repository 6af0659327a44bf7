SELECT obj_description('destination'::regclass, 'pg_class') = 'Places a shipment can be sent to';
SELECT col_description(a.attrelid, a.attnum) = 'ISO 3166-1 alpha-2, upper case' FROM pg_attribute a WHERE a.attrelid = 'destination'::regclass AND a.attname = 'country_code';
SELECT country_code = 'FR' FROM destination WHERE id = 1;

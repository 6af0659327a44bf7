SELECT name = 'Corner Bakery' AND rating = 4 FROM shop WHERE id = 1;
SELECT name = 'Bike Repair' AND rating IS NULL FROM shop WHERE id = 2;
SELECT character_maximum_length = 120 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'shop' AND column_name = 'name';
INSERT INTO opening (id, shop_id, weekday, opens_at) VALUES (1, 1, 1, '08:00');
SELECT count(*) = 1 FROM opening o JOIN shop s ON s.id = o.shop_id;

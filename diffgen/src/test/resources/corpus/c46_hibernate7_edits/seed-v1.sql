INSERT INTO parcel (id, state, weight, sent_at, last_seen_at) VALUES (1, 'S', 1.25, now(), ROW(52.52, 13.405)), (2, 'N', 0.5, NULL, NULL);

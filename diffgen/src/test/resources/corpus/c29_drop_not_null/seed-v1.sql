INSERT INTO parcel (id, tracking_no) VALUES (1, 'TRK-1'), (2, 'TRK-2');

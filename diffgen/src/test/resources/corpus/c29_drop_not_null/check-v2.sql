SELECT tracking_no = 'TRK-1' FROM parcel WHERE id = 1;
INSERT INTO parcel (id, tracking_no) VALUES (3, NULL);
SELECT tracking_no IS NULL FROM parcel WHERE id = 3;
DELETE FROM parcel WHERE id = 3;

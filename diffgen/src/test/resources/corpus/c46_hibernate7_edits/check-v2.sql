SELECT (last_seen_at).latitude = 52.52 AND (last_seen_at).longitude = 13.405 AND (last_seen_at).altitude IS NULL FROM parcel WHERE id = 1;
SELECT last_seen_at IS NOT DISTINCT FROM NULL FROM parcel WHERE id = 2;

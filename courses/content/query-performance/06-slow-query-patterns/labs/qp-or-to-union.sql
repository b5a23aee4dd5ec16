SELECT id FROM trips WHERE rider_id = 4242
UNION
SELECT id FROM trips WHERE bike_id = 77;

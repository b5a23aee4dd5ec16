SELECT s.district, COUNT(*) AS trips
FROM trips t
JOIN stations s ON s.id = t.start_station
GROUP BY s.district;

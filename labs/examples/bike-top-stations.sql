SELECT s.id, s.name, COUNT(*) AS trips
FROM stations s
JOIN trips t ON t.start_station = s.id
GROUP BY s.id, s.name
ORDER BY trips DESC, s.id
LIMIT 5;

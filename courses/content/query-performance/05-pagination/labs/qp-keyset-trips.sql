SELECT id, started_at, duration_s
FROM trips
WHERE (started_at, id) > (TIMESTAMP '2024-07-01 12:01:00', 469081)
ORDER BY started_at, id
LIMIT 20;

SELECT start_station, COUNT(*) AS actual,
       (SELECT COUNT(*) FROM trips) / (SELECT COUNT(DISTINCT start_station) FROM trips) AS uniform_estimate
FROM trips
WHERE start_station IN (1, 20, 40)
GROUP BY start_station;

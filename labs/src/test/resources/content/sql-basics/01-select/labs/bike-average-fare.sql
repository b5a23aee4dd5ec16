SELECT b.model, ROUND(AVG(t.fare), 2) AS avg_fare
FROM trips t JOIN bikes b ON b.id = t.bike_id
GROUP BY b.model;

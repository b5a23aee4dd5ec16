SELECT DISTINCT country
FROM authors
WHERE born < 1950;

SELECT genre,
       COUNT(*) AS books,
       MIN(price) AS cheapest,
       MAX(price) AS dearest,
       ROUND(AVG(price), 2) AS avg_price
FROM books
GROUP BY genre;

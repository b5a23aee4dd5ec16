SELECT genre,
       COUNT(*) AS books,
       ROUND(100.0 * COUNT(*) / SUM(COUNT(*)) OVER (), 1) AS pct
FROM books
GROUP BY genre;

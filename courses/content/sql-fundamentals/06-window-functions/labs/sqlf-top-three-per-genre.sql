WITH ranked AS (
  SELECT genre, title, price,
         ROW_NUMBER() OVER (PARTITION BY genre ORDER BY price DESC, id) AS rn
  FROM books
)
SELECT genre, rn, title, price
FROM ranked
WHERE rn <= 3
ORDER BY genre, rn;

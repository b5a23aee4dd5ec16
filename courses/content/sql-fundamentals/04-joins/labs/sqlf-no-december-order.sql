SELECT c.country, COUNT(*) AS customers
FROM customers AS c
LEFT JOIN orders AS o
       ON o.customer_id = c.id AND o.ordered_at >= '2024-12-01'
WHERE o.id IS NULL
GROUP BY c.country;

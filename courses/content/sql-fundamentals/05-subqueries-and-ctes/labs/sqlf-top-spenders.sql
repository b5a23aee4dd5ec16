WITH spend AS (
  SELECT o.customer_id, SUM(oi.quantity * oi.unit_price) AS total
  FROM orders AS o
  JOIN order_items AS oi ON oi.order_id = o.id
  GROUP BY o.customer_id
)
SELECT c.name, s.total
FROM spend AS s
JOIN customers AS c ON c.id = s.customer_id
ORDER BY s.total DESC, c.id
LIMIT 10;

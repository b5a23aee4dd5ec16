WITH t AS (
  SELECT o.id, o.ordered_at, SUM(oi.quantity * oi.unit_price) AS total
  FROM orders AS o
  JOIN order_items AS oi ON oi.order_id = o.id
  WHERE o.customer_id = 4
  GROUP BY o.id, o.ordered_at
)
SELECT id, ordered_at, total,
       SUM(total) OVER (ORDER BY ordered_at, id) AS running
FROM t
ORDER BY ordered_at, id;

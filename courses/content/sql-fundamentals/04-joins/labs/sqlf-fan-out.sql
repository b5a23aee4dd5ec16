SELECT o.customer_id,
       COUNT(DISTINCT o.id) AS orders,
       SUM(oi.quantity) AS copies
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.id
WHERE o.customer_id BETWEEN 1 AND 20
GROUP BY o.customer_id;

SELECT customer_id, id, DATE(ordered_at) AS order_date,
       TIMESTAMPDIFF(DAY,
                     LAG(DATE(ordered_at)) OVER (PARTITION BY customer_id ORDER BY ordered_at, id),
                     DATE(ordered_at)) AS days_since
FROM orders
WHERE customer_id BETWEEN 1 AND 5
ORDER BY customer_id, ordered_at, id;

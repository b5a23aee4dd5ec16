SELECT o.status, COUNT(*) AS orders
FROM customers c
JOIN orders o ON o.customer_id = c.id
WHERE c.country = 'DE' AND c.signed_up >= DATE '2024-01-25'
GROUP BY o.status;

SELECT id, customer_id, ordered_at
FROM orders
WHERE id > 300000
ORDER BY id
LIMIT 20;

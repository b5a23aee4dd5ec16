SELECT 'CONSTRAINT_INDEX_C' AS index_name, COUNT(*) AS orders
FROM orders
WHERE customer_id = 4242;

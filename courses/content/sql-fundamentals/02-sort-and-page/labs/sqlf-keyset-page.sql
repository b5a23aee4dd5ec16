SELECT id, ordered_at, status
FROM orders
WHERE ordered_at > TIMESTAMP '2023-11-25 15:19:00'
   OR (ordered_at = TIMESTAMP '2023-11-25 15:19:00' AND id > 559)
ORDER BY ordered_at, id
LIMIT 5;

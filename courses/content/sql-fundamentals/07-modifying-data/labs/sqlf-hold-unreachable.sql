UPDATE orders
SET status = 'held'
WHERE status = 'paid'
  AND customer_id IN (SELECT id FROM customers WHERE email IS NULL);

DELETE FROM order_items
WHERE order_id IN (SELECT id FROM orders
                   WHERE status = 'cancelled' AND ordered_at < '2024-01-01');
DELETE FROM orders
WHERE status = 'cancelled' AND ordered_at < '2024-01-01';

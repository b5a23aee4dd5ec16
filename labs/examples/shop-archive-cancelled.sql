CREATE TABLE cancelled_orders AS
SELECT id, customer_id, ordered_at FROM orders WHERE status = 'cancelled';
DELETE FROM order_items WHERE order_id IN (SELECT id FROM cancelled_orders);

INSERT INTO orders (id, customer_id, ordered_at, status)
VALUES (3334, 12, '2024-12-31 10:00:00', 'paid');
INSERT INTO order_items (order_id, line_no, book_id, quantity, unit_price)
SELECT 3334, 1, id, 1, price FROM books WHERE id = 5;
INSERT INTO order_items (order_id, line_no, book_id, quantity, unit_price)
SELECT 3334, 2, id, 2, price FROM books WHERE id = 9;

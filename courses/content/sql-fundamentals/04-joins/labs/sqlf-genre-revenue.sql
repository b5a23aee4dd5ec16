SELECT b.genre, SUM(oi.quantity * oi.unit_price) AS revenue
FROM orders AS o
JOIN order_items AS oi ON oi.order_id = o.id
JOIN books AS b ON b.id = oi.book_id
WHERE o.status = 'shipped' AND o.ordered_at >= '2024-01-01' AND o.ordered_at < '2025-01-01'
GROUP BY b.genre
ORDER BY revenue DESC;

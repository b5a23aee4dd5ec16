SELECT MONTH(ordered_at) AS order_month,
       COUNT(*) AS orders,
       SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
FROM orders
WHERE YEAR(ordered_at) = 2024
GROUP BY MONTH(ordered_at)
ORDER BY order_month;

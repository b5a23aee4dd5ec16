SELECT book_id, SUM(quantity) AS copies
FROM order_items
GROUP BY book_id
HAVING SUM(quantity) >= 50
ORDER BY copies DESC, book_id;

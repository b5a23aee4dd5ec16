SELECT title, price
FROM books
ORDER BY price DESC, id
LIMIT 10 OFFSET 20;

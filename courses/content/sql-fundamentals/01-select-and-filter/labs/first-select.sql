SELECT title, price
FROM books
WHERE price < 10
ORDER BY price, title;

SELECT title, price
FROM books
WHERE published >= 2020
  AND price > (SELECT AVG(price) FROM books);

SELECT title, genre, price
FROM books
WHERE genre IN ('mystery', 'history') AND price < 20;

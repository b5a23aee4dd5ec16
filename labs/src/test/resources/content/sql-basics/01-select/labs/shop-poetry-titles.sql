SELECT title, price
FROM books
WHERE genre = 'poetry';

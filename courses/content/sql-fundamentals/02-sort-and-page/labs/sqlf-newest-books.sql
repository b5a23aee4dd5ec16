SELECT title, published
FROM books
ORDER BY published DESC, title
LIMIT 10;

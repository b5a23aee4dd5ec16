SELECT title, pages
FROM books
WHERE genre = 'poetry' AND pages > 600;

SELECT name, born
FROM authors
ORDER BY born IS NULL, born, name;

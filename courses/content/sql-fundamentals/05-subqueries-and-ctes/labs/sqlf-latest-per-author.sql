SELECT b.author_id, b.title, b.published
FROM books AS b
WHERE b.published = (
  SELECT MAX(b2.published)
  FROM books AS b2
  WHERE b2.author_id = b.author_id
);

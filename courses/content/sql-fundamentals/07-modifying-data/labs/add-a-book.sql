INSERT INTO books (id, title, author_id, genre, price, published, pages)
VALUES (1001, 'Learning SQL', 7, 'computing', 18.50, 2024, 320);

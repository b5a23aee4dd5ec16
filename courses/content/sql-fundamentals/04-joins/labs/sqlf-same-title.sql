SELECT b1.id AS first_id, b2.id AS second_id, b1.title
FROM books AS b1
JOIN books AS b2 ON b2.title = b1.title AND b2.id > b1.id;

UPDATE books
SET price = ROUND(price * 1.10, 2)
WHERE genre = 'computing' AND published < 2000;

UPDATE books SET price = price * 1.10 WHERE genre = 'poetry';

CREATE TABLE wishlists (
  customer_id INT NOT NULL,
  book_id     INT NOT NULL,
  added_at    DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  note        VARCHAR(200),
  PRIMARY KEY (customer_id, book_id),
  FOREIGN KEY (customer_id) REFERENCES customers (id),
  FOREIGN KEY (book_id) REFERENCES books (id)
);

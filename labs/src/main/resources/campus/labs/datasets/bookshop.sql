-- @title.en Online bookshop: authors, books, customers, orders
-- @title.zh 网上书店：作者、图书、顾客、订单
-- @scale 10000
--
-- Written for Campus. A generator: ${scale} is the number of order lines; orders and customers grow
-- with it, authors and books are fixed. Every value is arithmetic on the row number.

CREATE TABLE authors (
  id         INT PRIMARY KEY,
  name       VARCHAR(60) NOT NULL,
  country    VARCHAR(2) NOT NULL,
  born       INT
);

INSERT INTO authors (id, name, country, born)
SELECT n,
       CONCAT(ARRAY['Ada', 'Bo', 'Chen', 'Dara', 'Eli', 'Fang', 'Grete', 'Hiro', 'Ines', 'Jun', 'Kofi', 'Lena'][MOD(n, 12) + 1],
              ' ',
              ARRAY['Okafor', 'Lindqvist', 'Wang', 'Moreau', 'Tanaka', 'Silva', 'Novak'][MOD(n * 5, 7) + 1]),
       ARRAY['CN', 'GB', 'US', 'FR', 'JP', 'BR', 'NG', 'SE'][MOD(n * 3, 8) + 1],
       CASE WHEN MOD(n, 9) = 0 THEN NULL ELSE 1930 + MOD(n * 17, 65) END
FROM SYSTEM_RANGE(1, 60) AS r (n);

CREATE TABLE books (
  id        INT PRIMARY KEY,
  title     VARCHAR(100) NOT NULL,
  author_id INT NOT NULL,
  genre     VARCHAR(20) NOT NULL,
  price     DECIMAL(6, 2) NOT NULL,
  published INT NOT NULL,
  pages     INT NOT NULL
);

INSERT INTO books (id, title, author_id, genre, price, published, pages)
SELECT n,
       CONCAT('The ', ARRAY['Silent', 'Crimson', 'Last', 'Hidden', 'Paper', 'Northern', 'Glass', 'Quiet', 'Iron',
                            'Wandering', 'Little', 'Midnight'][MOD(n * 7, 12) + 1], ' ',
              ARRAY['Garden', 'Index', 'River', 'Lighthouse', 'Query', 'Orchard', 'Atlas', 'Kingdom', 'Harbour',
                    'Ledger'][MOD(n * 3, 10) + 1],
              CASE WHEN n > 120 THEN CONCAT(' ', CAST(1 + n / 120 AS VARCHAR)) ELSE '' END),
       1 + MOD(n * 37, 60),
       ARRAY['fiction', 'mystery', 'science', 'history', 'children', 'poetry', 'computing'][MOD(n * 11, 7) + 1],
       CAST(4.99 + MOD(n * 53, 40) AS DECIMAL(6, 2)),
       1950 + MOD(n * 29, 75),
       80 + MOD(n * 97, 700)
FROM SYSTEM_RANGE(1, 400) AS r (n);

CREATE TABLE customers (
  id        INT PRIMARY KEY,
  name      VARCHAR(60) NOT NULL,
  email     VARCHAR(80),
  country   VARCHAR(2) NOT NULL,
  signed_up DATE NOT NULL
);

INSERT INTO customers (id, name, email, country, signed_up)
SELECT n,
       CONCAT(ARRAY['Mei', 'Tom', 'Aiko', 'Raj', 'Sofia', 'Liam', 'Yan', 'Noor', 'Olga', 'Ken'][MOD(n * 3, 10) + 1],
              ' ', ARRAY['L.', 'K.', 'M.', 'T.', 'Z.', 'P.'][MOD(n, 6) + 1], ' #', CAST(n AS VARCHAR)),
       CASE WHEN MOD(n, 13) = 0 THEN NULL ELSE CONCAT('reader', CAST(n AS VARCHAR), '@example.org') END,
       ARRAY['CN', 'GB', 'US', 'FR', 'JP', 'BR', 'DE', 'IN'][MOD(n * 7, 8) + 1],
       DATEADD(DAY, MOD(n * 61, 1500), DATE '2020-01-01')
FROM SYSTEM_RANGE(1, GREATEST(100, ${scale} / 10)) AS r (n);

CREATE TABLE orders (
  id          INT PRIMARY KEY,
  customer_id INT NOT NULL,
  ordered_at  TIMESTAMP NOT NULL,
  status      VARCHAR(10) NOT NULL
);

INSERT INTO orders (id, customer_id, ordered_at, status)
SELECT n,
       1 + MOD(n * 7919, GREATEST(100, ${scale} / 10)),
       DATEADD(MINUTE, MOD(n * 86028121, 1051200), TIMESTAMP '2023-01-01 00:00:00'),
       CASE MOD(n * 13, 20) WHEN 0 THEN 'cancelled' WHEN 1 THEN 'refunded' WHEN 2 THEN 'paid' ELSE 'shipped' END
FROM SYSTEM_RANGE(1, GREATEST(10, ${scale} / 3)) AS r (n);

CREATE TABLE order_items (
  order_id   INT NOT NULL,
  line_no    INT NOT NULL,
  book_id    INT NOT NULL,
  quantity   INT NOT NULL,
  unit_price DECIMAL(6, 2) NOT NULL,
  PRIMARY KEY (order_id, line_no)
);

-- Three lines per order; unit_price is the book's list price, 10% off on every seventh line.
INSERT INTO order_items (order_id, line_no, book_id, quantity, unit_price)
SELECT 1 + (n - 1) / 3,
       1 + MOD(n - 1, 3),
       1 + MOD(n * 2654435761, 400),
       1 + CASE WHEN MOD(n, 5) = 0 THEN MOD(n * 7, 4) ELSE 0 END,
       CAST((4.99 + MOD((1 + MOD(n * 2654435761, 400)) * 53, 40)) * CASE WHEN MOD(n, 7) = 0 THEN 0.9 ELSE 1 END
            AS DECIMAL(6, 2))
FROM SYSTEM_RANGE(1, 3 * GREATEST(10, ${scale} / 3)) AS r (n);

-- Foreign keys come after the data: H2 then builds each key's index once and checks the rows in one pass,
-- instead of maintaining four indexes and four lookups per inserted row (roughly halves the load at 1,000,000 rows).
ALTER TABLE books ADD FOREIGN KEY (author_id) REFERENCES authors (id);
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_items ADD FOREIGN KEY (order_id) REFERENCES orders (id);
ALTER TABLE order_items ADD FOREIGN KEY (book_id) REFERENCES books (id);

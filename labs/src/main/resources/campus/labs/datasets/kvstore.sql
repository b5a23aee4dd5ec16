-- @title.en Inside a distributed database: nodes, regions, versions, locks and write logs
-- @title.zh 分布式数据库内部：节点、Region、版本、锁与写入日志
-- @scale 10000
--
-- Written for Campus, for the course "Inside a distributed SQL database". The tables describe a small
-- imagined cluster (its nodes, regions and replicas, MVCC versions, transactions and locks) as plain rows,
-- so learners can ask SQL questions about how such a system behaves. ${scale} is the number of rows of
-- the generated tables (orders, sales, write_log). Every value is arithmetic on the row number or written
-- out below, so every load is identical.

-- The cluster: stateless SQL servers, placement driver members, key-value stores, columnar stores.
CREATE TABLE nodes (
  node_id        VARCHAR(10) PRIMARY KEY,
  role           VARCHAR(10) NOT NULL,
  zone           VARCHAR(4)  NOT NULL,
  address        VARCHAR(30) NOT NULL,
  capacity_gb    INT,
  last_heartbeat TIMESTAMP   NOT NULL
);

INSERT INTO nodes (node_id, role, zone, address, capacity_gb, last_heartbeat) VALUES
  ('sql-1', 'sql',      'z1', '10.0.1.11:4000',  NULL, TIMESTAMP '2024-05-20 09:59:58'),
  ('sql-2', 'sql',      'z2', '10.0.2.11:4000',  NULL, TIMESTAMP '2024-05-20 09:59:57'),
  ('sql-3', 'sql',      'z3', '10.0.3.11:4000',  NULL, TIMESTAMP '2024-05-20 09:59:59'),
  ('sql-4', 'sql',      'z1', '10.0.1.12:4000',  NULL, TIMESTAMP '2024-05-20 09:59:56'),
  ('pd-1',  'pd',       'z1', '10.0.1.21:2379',  NULL, TIMESTAMP '2024-05-20 09:59:59'),
  ('pd-2',  'pd',       'z2', '10.0.2.21:2379',  NULL, TIMESTAMP '2024-05-20 09:59:58'),
  ('pd-3',  'pd',       'z3', '10.0.3.21:2379',  NULL, TIMESTAMP '2024-05-20 09:59:59'),
  ('kv-1',  'kv',       'z1', '10.0.1.31:20160', 2000, TIMESTAMP '2024-05-20 09:59:55'),
  ('kv-2',  'kv',       'z1', '10.0.1.32:20160', 2000, TIMESTAMP '2024-05-20 09:59:52'),
  ('kv-3',  'kv',       'z2', '10.0.2.31:20160', 2000, TIMESTAMP '2024-05-20 09:59:54'),
  ('kv-4',  'kv',       'z2', '10.0.2.32:20160', 2000, TIMESTAMP '2024-05-20 09:59:31'),
  ('kv-5',  'kv',       'z3', '10.0.3.31:20160', 2000, TIMESTAMP '2024-05-20 09:59:57'),
  ('kv-6',  'kv',       'z3', '10.0.3.32:20160', 2000, TIMESTAMP '2024-05-20 09:14:10'),
  ('kv-7',  'kv',       'z3', '10.0.3.33:20160', 4000, TIMESTAMP '2024-05-20 09:59:58'),
  ('col-1', 'columnar', 'z1', '10.0.1.41:3930',  4000, TIMESTAMP '2024-05-20 09:59:53'),
  ('col-2', 'columnar', 'z2', '10.0.2.41:3930',  4000, TIMESTAMP '2024-05-20 09:59:21');

-- Table and index ids, as the SQL layer's catalog would hand them out.
CREATE TABLE tables_meta (
  table_name VARCHAR(20) PRIMARY KEY,
  table_id   INT NOT NULL UNIQUE
);

INSERT INTO tables_meta (table_name, table_id) VALUES
  ('customers', 61), ('orders', 70), ('sales', 75);

CREATE TABLE indexes_meta (
  table_id    INT NOT NULL,
  index_id    INT NOT NULL,
  index_name  VARCHAR(30) NOT NULL,
  column_name VARCHAR(20) NOT NULL,
  is_unique   BOOLEAN NOT NULL,
  PRIMARY KEY (table_id, index_id)
);

INSERT INTO indexes_meta (table_id, index_id, index_name, column_name, is_unique) VALUES
  (61, 1, 'idx_city', 'city', FALSE),
  (61, 2, 'uk_email', 'email', TRUE);

CREATE TABLE customers (
  id    INT PRIMARY KEY,
  name  VARCHAR(30) NOT NULL,
  email VARCHAR(40) NOT NULL UNIQUE,
  city  VARCHAR(20) NOT NULL
);

INSERT INTO customers (id, name, email, city)
SELECT n,
       CONCAT(ARRAY['Ana', 'Bo', 'Chen', 'Dara', 'Emil', 'Fang', 'Goran', 'Hana', 'Ines', 'Jun'][MOD(n * 3, 10) + 1],
              ' ', ARRAY['Silva', 'Li', 'Novak', 'Okafor', 'Wang', 'Berg', 'Costa', 'Sato'][MOD(n * 5, 8) + 1]),
       CONCAT('c', n, '@example.com'),
       ARRAY['Lisbon', 'Porto', 'Shanghai', 'Chengdu', 'Oslo', 'Lagos'][MOD(n * 7, 6) + 1]
FROM SYSTEM_RANGE(1, 60) AS r (n);

CREATE TABLE orders (
  id          BIGINT PRIMARY KEY,
  customer_id INT NOT NULL,
  amount      DECIMAL(10, 2) NOT NULL,
  status      VARCHAR(10) NOT NULL,
  created_at  TIMESTAMP NOT NULL
);

INSERT INTO orders (id, customer_id, amount, status, created_at)
SELECT n * 20 - MOD(n * 7, 20),
       MOD(n * 37, 60) + 1,
       5 + MOD(n * 71, 9500) / 100.0,
       CASE WHEN MOD(n, 20) = 0 THEN 'cancelled' WHEN MOD(n, 7) = 0 THEN 'open' ELSE 'shipped' END,
       DATEADD(MINUTE, n * 3, TIMESTAMP '2024-01-01 08:00:00')
FROM SYSTEM_RANGE(1, ${scale}) AS r (n);

-- Regions of the orders table (table id 70): record keys t70_r<id as 10 digits>, 10,000 ids each
-- (at the default size of 10,000 orders, ids run up to 200,000).
-- The first region starts at the empty key and the last one ends at it: together they cover every key.
CREATE TABLE regions (
  region_id INT PRIMARY KEY,
  start_key VARCHAR(40) NOT NULL,
  end_key   VARCHAR(40) NOT NULL,
  size_mb   INT NOT NULL
);

INSERT INTO regions (region_id, start_key, end_key, size_mb)
SELECT k,
       CASE WHEN k = 1 THEN '' ELSE CONCAT('t70_r', LPAD((k - 1) * 10000 + 1, 10, '0')) END,
       CASE WHEN k = 20 THEN '' ELSE CONCAT('t70_r', LPAD(k * 10000 + 1, 10, '0')) END,
       60 + MOD(k * 29, 40)
FROM SYSTEM_RANGE(1, 20) AS r (k);

-- Three voting replicas per region, normally one per zone; regions 7 and 13 were placed badly
-- (two replicas in z2, none in z1). Columnar learners: col-1 for regions 1-10, col-2 for 11-20.
CREATE TABLE peers (
  region_id INT NOT NULL,
  store_id  VARCHAR(10) NOT NULL,
  role      VARCHAR(10) NOT NULL,
  PRIMARY KEY (region_id, store_id)
);

INSERT INTO peers (region_id, store_id, role)
SELECT k,
       CASE WHEN k IN (7, 13) THEN 'kv-4' ELSE CONCAT('kv-', 1 + MOD(k, 2)) END,
       CASE WHEN MOD(k, 5) IN (0, 1, 3) AND k NOT IN (7, 13) THEN 'leader' ELSE 'follower' END
FROM SYSTEM_RANGE(1, 20) AS r (k);

INSERT INTO peers (region_id, store_id, role)
SELECT k,
       CONCAT('kv-', 3 + MOD(k + k / 4, 2)),
       CASE WHEN MOD(k, 5) = 2 OR k IN (7, 13) THEN 'leader' ELSE 'follower' END
FROM SYSTEM_RANGE(1, 20) AS r (k)
WHERE k NOT IN (7, 13);

INSERT INTO peers (region_id, store_id, role) VALUES (7, 'kv-3', 'leader'), (13, 'kv-3', 'leader');

INSERT INTO peers (region_id, store_id, role)
SELECT k,
       CONCAT('kv-', 5 + MOD(k / 3, 2)),
       CASE WHEN MOD(k, 5) = 4 THEN 'leader' ELSE 'follower' END
FROM SYSTEM_RANGE(1, 20) AS r (k);

INSERT INTO peers (region_id, store_id, role)
SELECT k, CASE WHEN k <= 10 THEN 'col-1' ELSE 'col-2' END, 'learner'
FROM SYSTEM_RANGE(1, 20) AS r (k);

-- Timestamps handed out by the timestamp oracle: physical milliseconds * 2^18 + a logical counter.
CREATE TABLE tso_log (
  request_id INT PRIMARY KEY,
  sql_node   VARCHAR(10) NOT NULL,
  ts         BIGINT NOT NULL
);

INSERT INTO tso_log (request_id, sql_node, ts)
SELECT n,
       CONCAT('sql-', 1 + MOD(n * 7, 3)),
       (1716199200000 + FLOOR(n / 3) * 1 + CASE WHEN MOD(n, 4) = 0 THEN 1 ELSE 0 END) * 262144 + MOD(n * 5, 7)
FROM SYSTEM_RANGE(1, 12) AS r (n);

-- MVCC: every committed version of a few keys (timestamps kept small to read easily).
CREATE TABLE mvcc_versions (
  k         VARCHAR(20) NOT NULL,
  start_ts  BIGINT NOT NULL,
  commit_ts BIGINT NOT NULL,
  op        VARCHAR(6) NOT NULL,
  val       VARCHAR(20),
  PRIMARY KEY (k, commit_ts)
);

INSERT INTO mvcc_versions (k, start_ts, commit_ts, op, val) VALUES
  ('acct:1', 100, 102, 'put',    '500'),
  ('acct:1', 110, 114, 'put',    '450'),
  ('acct:1', 131, 135, 'put',    '300'),
  ('acct:2', 100, 102, 'put',    '200'),
  ('acct:2', 110, 114, 'put',    '250'),
  ('acct:3', 104, 107, 'put',    '80'),
  ('acct:3', 116, 118, 'delete', NULL),
  ('acct:4', 119, 123, 'put',    '1000'),
  ('acct:5', 101, 103, 'put',    '42'),
  ('acct:5', 108, 112, 'put',    '43'),
  ('acct:5', 115, 117, 'put',    '44'),
  ('acct:5', 124, 126, 'put',    '45'),
  ('acct:6', 96,  99,  'put',    '7'),
  ('acct:6', 122, 125, 'delete', NULL),
  ('acct:6', 127, 130, 'put',    '9'),
  ('acct:7', 138, 140, 'put',    '61');

-- Transactions as a history: when each started and when it asked to commit, and which keys it wrote.
CREATE TABLE txns (
  txn_id    INT PRIMARY KEY,
  sql_node  VARCHAR(10) NOT NULL,
  start_ts  BIGINT NOT NULL,
  commit_ts BIGINT NOT NULL
);

INSERT INTO txns (txn_id, sql_node, start_ts, commit_ts) VALUES
  (1, 'sql-1', 200, 206),
  (2, 'sql-2', 203, 209),
  (3, 'sql-3', 204, 205),
  (4, 'sql-1', 207, 212),
  (5, 'sql-2', 210, 214),
  (6, 'sql-3', 211, 213),
  (7, 'sql-1', 215, 219),
  (8, 'sql-2', 216, 218),
  (9, 'sql-3', 217, 224),
  (10, 'sql-1', 225, 229);

CREATE TABLE txn_writes (
  txn_id INT NOT NULL,
  k      VARCHAR(20) NOT NULL,
  PRIMARY KEY (txn_id, k)
);

INSERT INTO txn_writes (txn_id, k) VALUES
  (1, 'stock:7'), (1, 'order:501'),
  (2, 'stock:7'), (2, 'order:502'),
  (3, 'stock:9'), (3, 'order:503'),
  (4, 'stock:9'), (4, 'order:504'),
  (5, 'stock:3'), (5, 'order:505'),
  (6, 'stock:3'), (6, 'stock:4'),
  (7, 'stock:4'), (7, 'order:507'),
  (8, 'stock:5'), (8, 'order:508'),
  (9, 'stock:4'), (9, 'order:509'),
  (10, 'stock:5'), (10, 'order:510');

-- What a reader found at wall time 50,000 ms: locks left behind by two-phase commits, and commit records.
CREATE TABLE locks (
  k           VARCHAR(20) NOT NULL,
  start_ts    BIGINT NOT NULL,
  primary_key VARCHAR(20) NOT NULL,
  created_ms  BIGINT NOT NULL,
  ttl_ms      BIGINT NOT NULL,
  PRIMARY KEY (k, start_ts)
);

INSERT INTO locks (k, start_ts, primary_key, created_ms, ttl_ms) VALUES
  ('cart:11', 300, 'user:11', 20000, 3000),
  ('cart:12', 301, 'user:12', 48000, 3000),
  ('user:12', 301, 'user:12', 48000, 3000),
  ('cart:13', 302, 'user:13', 30000, 3000),
  ('user:13', 302, 'user:13', 30000, 3000),
  ('cart:14', 303, 'user:14', 41000, 3000),
  ('item:14', 303, 'user:14', 41000, 3000),
  ('cart:15', 304, 'user:15', 46000, 20000),
  ('user:15', 304, 'user:15', 46000, 20000),
  ('cart:16', 305, 'user:16', 10000, 3000);

CREATE TABLE commit_records (
  k         VARCHAR(20) NOT NULL,
  start_ts  BIGINT NOT NULL,
  commit_ts BIGINT NOT NULL,
  PRIMARY KEY (k, start_ts)
);

INSERT INTO commit_records (k, start_ts, commit_ts) VALUES
  ('user:11', 300, 307),
  ('user:14', 298, 299),
  ('user:16', 305, 309),
  ('item:16', 305, 309);

-- Bank accounts for a transfer done as one transaction.
CREATE TABLE accounts (
  id      INT PRIMARY KEY,
  owner   VARCHAR(20) NOT NULL,
  balance DECIMAL(10, 2) NOT NULL
);

INSERT INTO accounts (id, owner, balance)
SELECT n,
       ARRAY['Ana', 'Bo', 'Chen', 'Dara', 'Emil', 'Fang', 'Goran', 'Hana', 'Ines', 'Jun'][n],
       100 * MOD(n * 7, 11) + 50
FROM SYSTEM_RANGE(1, 10) AS r (n);

CREATE TABLE transfers (
  id      INT PRIMARY KEY,
  from_id INT NOT NULL REFERENCES accounts (id),
  to_id   INT NOT NULL REFERENCES accounts (id),
  amount  DECIMAL(10, 2) NOT NULL
);

INSERT INTO transfers (id, from_id, to_id, amount) VALUES
  (1, 2, 5, 40.00), (2, 5, 9, 15.50), (3, 1, 2, 120.00);

-- A wide sales table for analytic queries, and the average width of each of its columns.
CREATE TABLE sales (
  id          BIGINT PRIMARY KEY,
  sale_date   DATE NOT NULL,
  region      VARCHAR(10) NOT NULL,
  channel     VARCHAR(10) NOT NULL,
  product_id  INT NOT NULL,
  customer_id INT NOT NULL,
  qty         INT NOT NULL,
  amount      DECIMAL(10, 2) NOT NULL,
  note        VARCHAR(80) NOT NULL
);

INSERT INTO sales (id, sale_date, region, channel, product_id, customer_id, qty, amount, note)
SELECT n,
       DATEADD(DAY, MOD(n * 13, 730), DATE '2023-01-01'),
       ARRAY['north', 'south', 'east', 'west'][MOD(n * 3 + n / 11, 4) + 1],
       ARRAY['web', 'store', 'phone'][MOD(n * 5 + n / 7, 3) + 1],
       MOD(n * 17, 200) + 1,
       MOD(n * 31, 60) + 1,
       1 + MOD(n * 7, 5),
       (1 + MOD(n * 7, 5)) * (3 + MOD(n * 17, 200) / 4.0),
       CONCAT('order note ', n, ': deliver to the front desk between nine and five')
FROM SYSTEM_RANGE(1, ${scale}) AS r (n);

CREATE TABLE column_stats (
  table_name  VARCHAR(20) NOT NULL,
  column_name VARCHAR(20) NOT NULL,
  avg_bytes   INT NOT NULL,
  PRIMARY KEY (table_name, column_name)
);

INSERT INTO column_stats (table_name, column_name, avg_bytes) VALUES
  ('sales', 'id', 8), ('sales', 'sale_date', 4), ('sales', 'region', 6), ('sales', 'channel', 5),
  ('sales', 'product_id', 4), ('sales', 'customer_id', 4), ('sales', 'qty', 4), ('sales', 'amount', 8),
  ('sales', 'note', 62);

-- Inserts into two tables of the same shape: one keyed by a sequence, one by a sharded id
-- (3 shard bits on top of the sequence, as a table with shard bits or random ids would do).
CREATE TABLE write_log (
  n          BIGINT PRIMARY KEY,
  seq_id     BIGINT NOT NULL,
  sharded_id BIGINT NOT NULL
);

INSERT INTO write_log (n, seq_id, sharded_id)
SELECT n, n, MOD(n * 5 + n / 8, 8) * 1152921504606846976 + n
FROM SYSTEM_RANGE(1, ${scale}) AS r (n);

-- Key ranges of the regions of both tables, [start_id, end_id): the sequential table split every
-- 1,000 ids as it grew, the sharded one split at each shard's boundary.
CREATE TABLE key_ranges (
  table_name VARCHAR(20) NOT NULL,
  region_id  INT NOT NULL,
  start_id   BIGINT NOT NULL,
  end_id     BIGINT NOT NULL,
  PRIMARY KEY (table_name, region_id)
);

INSERT INTO key_ranges (table_name, region_id, start_id, end_id)
SELECT 'events_seq', 100 + k, k * 1000 + 1,
       CASE WHEN k = (${scale} - 1) / 1000 THEN 9223372036854775807 ELSE (k + 1) * 1000 + 1 END
FROM SYSTEM_RANGE(0, (${scale} - 1) / 1000) AS r (k);

INSERT INTO key_ranges (table_name, region_id, start_id, end_id)
SELECT 'events_sharded', 200 + k, CASE WHEN k = 0 THEN 1 ELSE k * 1152921504606846976 END,
       CASE WHEN k = 7 THEN 9223372036854775807 ELSE (k + 1) * 1152921504606846976 END
FROM SYSTEM_RANGE(0, 7) AS r (k);

SELECT r.region_id,
       p.store_id AS leader_store,
       COUNT(*)   AS orders
FROM orders o
JOIN regions r
  ON CONCAT('t70_r', LPAD(o.id, 10, '0')) >= r.start_key
 AND (r.end_key = '' OR CONCAT('t70_r', LPAD(o.id, 10, '0')) < r.end_key)
JOIN peers p ON p.region_id = r.region_id AND p.role = 'leader'
WHERE o.customer_id = 42 AND o.status = 'open'
GROUP BY r.region_id, p.store_id
ORDER BY r.region_id;

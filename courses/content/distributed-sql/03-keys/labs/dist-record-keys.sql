SELECT c.id,
       CONCAT('t', t.table_id, '_r', LPAD(c.id, 10, '0')) AS record_key,
       CONCAT('t', t.table_id, '_i', i.index_id, '_', c.email) AS email_key
FROM customers c
JOIN tables_meta t ON t.table_name = 'customers'
JOIN indexes_meta i ON i.table_id = t.table_id AND i.index_name = 'uk_email'
WHERE c.city = 'Oslo'
ORDER BY c.id;

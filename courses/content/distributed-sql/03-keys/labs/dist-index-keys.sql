SELECT CONCAT('t', i.table_id, '_i', i.index_id, '_', c.city, '_', LPAD(c.id, 10, '0')) AS index_key
FROM customers c
JOIN tables_meta t ON t.table_name = 'customers'
JOIN indexes_meta i ON i.table_id = t.table_id AND i.index_name = 'idx_city'
WHERE c.city IN ('Lisbon', 'Porto')
ORDER BY index_key;

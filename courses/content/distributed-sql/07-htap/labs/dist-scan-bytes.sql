SELECT (SELECT COUNT(*) FROM sales) * SUM(avg_bytes) AS row_store_bytes,
       (SELECT COUNT(*) FROM sales)
         * SUM(CASE WHEN column_name IN ('region', 'amount') THEN avg_bytes ELSE 0 END) AS column_store_bytes
FROM column_stats
WHERE table_name = 'sales';

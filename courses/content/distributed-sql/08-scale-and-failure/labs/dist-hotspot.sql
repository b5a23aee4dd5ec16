SELECT r.table_name, r.region_id, COUNT(*) AS writes
FROM write_log w
JOIN key_ranges r
  ON (r.table_name = 'events_seq' AND w.seq_id >= r.start_id AND w.seq_id < r.end_id)
  OR (r.table_name = 'events_sharded' AND w.sharded_id >= r.start_id AND w.sharded_id < r.end_id)
WHERE w.n > (SELECT MAX(n) FROM write_log) - 1000
GROUP BY r.table_name, r.region_id
ORDER BY r.table_name, r.region_id;

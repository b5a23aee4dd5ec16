SELECT l.k,
       l.start_ts,
       CASE
         WHEN EXISTS (SELECT 1 FROM commit_records c
                      WHERE c.k = l.primary_key AND c.start_ts = l.start_ts) THEN 'commit'
         WHEN EXISTS (SELECT 1 FROM locks p
                      WHERE p.k = l.primary_key AND p.start_ts = l.start_ts
                        AND p.created_ms + p.ttl_ms > 50000) THEN 'wait'
         ELSE 'rollback'
       END AS decision
FROM locks l
WHERE l.k <> l.primary_key
ORDER BY l.k;

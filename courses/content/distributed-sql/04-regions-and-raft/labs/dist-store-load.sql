SELECT n.node_id,
       n.zone,
       COUNT(p.region_id) AS peers,
       COALESCE(SUM(CASE WHEN p.role = 'leader' THEN 1 ELSE 0 END), 0) AS leaders
FROM nodes n
LEFT JOIN peers p ON p.store_id = n.node_id
WHERE n.role = 'kv'
GROUP BY n.node_id, n.zone
ORDER BY n.node_id;

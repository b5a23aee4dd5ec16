SELECT p.region_id,
       SUM(CASE WHEN n.zone <> 'z2' THEN 1 ELSE 0 END) AS voters_left,
       CASE
         WHEN SUM(CASE WHEN n.zone <> 'z2' THEN 1 ELSE 0 END) < 2 THEN 'unavailable'
         WHEN SUM(CASE WHEN n.zone = 'z2' AND p.role = 'leader' THEN 1 ELSE 0 END) > 0 THEN 'new leader'
         ELSE 'keeps leader'
       END AS outcome
FROM peers p
JOIN nodes n ON n.node_id = p.store_id
WHERE p.role IN ('leader', 'follower')
GROUP BY p.region_id
ORDER BY p.region_id;

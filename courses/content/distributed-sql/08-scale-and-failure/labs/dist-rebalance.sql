SELECT node_id,
       peers,
       ROUND(AVG(peers) OVER (), 1) AS avg_peers,
       ROUND(peers - AVG(peers) OVER (), 1) AS surplus
FROM (SELECT n.node_id, COUNT(p.region_id) AS peers
      FROM nodes n
      LEFT JOIN peers p ON p.store_id = n.node_id
      WHERE n.role = 'kv'
      GROUP BY n.node_id) AS s
ORDER BY surplus DESC, node_id;

SELECT node_id,
       TIMESTAMPDIFF(SECOND, last_heartbeat, TIMESTAMP '2024-05-20 10:00:00') AS silent_s,
       CASE
         WHEN TIMESTAMPDIFF(SECOND, last_heartbeat, TIMESTAMP '2024-05-20 10:00:00') >= 1800 THEN 'down'
         WHEN TIMESTAMPDIFF(SECOND, last_heartbeat, TIMESTAMP '2024-05-20 10:00:00') >= 20 THEN 'disconnected'
         ELSE 'up'
       END AS state
FROM nodes
WHERE role IN ('kv', 'columnar')
ORDER BY node_id;

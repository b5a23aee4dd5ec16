SELECT zone,
       SUM(CASE WHEN role = 'sql' THEN 1 ELSE 0 END)      AS sql_servers,
       SUM(CASE WHEN role = 'pd' THEN 1 ELSE 0 END)       AS pd_members,
       SUM(CASE WHEN role = 'kv' THEN 1 ELSE 0 END)       AS kv_stores,
       SUM(CASE WHEN role = 'columnar' THEN 1 ELSE 0 END) AS columnar_stores
FROM nodes
GROUP BY zone
ORDER BY zone;

SELECT request_id,
       sql_node,
       FLOOR(ts / 262144) AS physical_ms,
       MOD(ts, 262144)    AS logical
FROM tso_log
ORDER BY ts;

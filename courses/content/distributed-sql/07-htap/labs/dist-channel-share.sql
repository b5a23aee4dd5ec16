SELECT region,
       channel,
       SUM(amount) AS revenue,
       ROUND(100 * SUM(amount) / SUM(SUM(amount)) OVER (PARTITION BY region), 1) AS share_pct
FROM sales
WHERE sale_date >= DATE '2024-01-01' AND sale_date < DATE '2025-01-01'
GROUP BY region, channel
ORDER BY region, revenue DESC;

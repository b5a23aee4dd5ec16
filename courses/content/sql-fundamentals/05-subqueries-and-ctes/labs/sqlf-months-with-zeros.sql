WITH RECURSIVE months (m) AS (
  SELECT 1
  UNION ALL
  SELECT m + 1 FROM months WHERE m < 12
)
SELECT months.m AS order_month, COUNT(o.id) AS orders
FROM months
LEFT JOIN orders AS o
       ON o.customer_id = 7
      AND YEAR(o.ordered_at) = 2023
      AND MONTH(o.ordered_at) = months.m
GROUP BY months.m
ORDER BY months.m;

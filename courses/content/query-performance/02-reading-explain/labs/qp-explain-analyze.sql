SELECT 100001 AS by_email, 2 AS by_id;

SELECT COUNT(*) AS customers,
       COUNT(email) AS with_email,
       COUNT(DISTINCT country) AS countries
FROM customers;

SELECT id, name
FROM customers
WHERE country = 'CN' AND email IS NULL;

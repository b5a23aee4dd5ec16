INSERT INTO customers (id, name, email, country, signed_up)
VALUES (12, 'Yan L.', 'yan12@example.org', 'JP', '2024-05-01'),
       (1001, 'Lin W. #1001', 'lin@example.org', 'CN', '2024-12-31')
ON DUPLICATE KEY UPDATE email = VALUES(email);

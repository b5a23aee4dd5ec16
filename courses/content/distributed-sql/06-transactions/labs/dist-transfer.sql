UPDATE accounts SET balance = balance - 250.00 WHERE id = 3;
UPDATE accounts SET balance = balance + 250.00 WHERE id = 8;
INSERT INTO transfers (id, from_id, to_id, amount) VALUES (4, 3, 8, 250.00);

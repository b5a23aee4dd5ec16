ALTER TABLE customers ADD CONSTRAINT uq_customers_email UNIQUE (email);
ALTER TABLE orders ADD CONSTRAINT chk_orders_status
  CHECK (status IN ('paid', 'shipped', 'cancelled', 'refunded', 'held'));

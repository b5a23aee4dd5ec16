CREATE INDEX orders_status_date ON orders (status, ordered_at);

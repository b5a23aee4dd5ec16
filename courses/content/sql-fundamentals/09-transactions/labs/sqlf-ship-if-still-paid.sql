UPDATE orders
SET status = 'shipped'
WHERE id IN (614, 620, 634) AND status = 'paid';

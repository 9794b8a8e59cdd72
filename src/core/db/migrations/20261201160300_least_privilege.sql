-- Staff see an order once it is submitted; before that only when its applicant asks for help.
ALTER TABLE orders ADD COLUMN help_requested_at timestamptz;
-- Keyed hashes of the ID numbers of the order's responsible persons: one person's audit trail, and "which filings
-- use my ID?", are found by these without decrypting every draft. Filled for existing orders at start-up.
ALTER TABLE orders ADD COLUMN person_keys text[];
CREATE INDEX orders_person_keys_idx ON orders USING gin (person_keys);

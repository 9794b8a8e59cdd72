-- Keyset pages of the orders list (newest first, id breaking ties): staff walk every order without an offset.
CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC);

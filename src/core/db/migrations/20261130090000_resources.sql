-- Provider resources (servers and other products bought here) and the filing service codes (备案服务码) they issue
-- (SPEC §5.2). A code is bound to the order that uses it at submit, and freed when that order is abandoned or expires.

CREATE TABLE resources (
  id                 uuid PRIMARY KEY,
  user_id            uuid NOT NULL REFERENCES users (id),   -- the customer account that owns it
  kind               text NOT NULL,                         -- ResourceKind (src/rules/data/resource-kinds.ts)
  region             text NOT NULL,                         -- e.g. cn-hangzhou
  is_mainland        boolean NOT NULL,
  billing            text NOT NULL CHECK (billing IN ('subscription', 'pay_as_you_go')),
  paid_months        integer NOT NULL DEFAULT 0 CHECK (paid_months >= 0),   -- renewals included
  first_term_months  integer CHECK (first_term_months >= 0),               -- the first purchase's term, when it matters
  has_public_bandwidth boolean NOT NULL DEFAULT false,
  order_amount_cny   numeric(12, 2) CHECK (order_amount_cny >= 0),
  public_ips         text[] NOT NULL DEFAULT '{}',
  label              text NOT NULL,
  created_at         timestamptz NOT NULL,
  expires_at         timestamptz
);
CREATE INDEX resources_user_idx ON resources (user_id, created_at DESC);

CREATE TABLE service_codes (
  code           text PRIMARY KEY,                          -- lower-case UUID (SERVICE_CODE_PATTERN)
  resource_id    uuid NOT NULL REFERENCES resources (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  issued_at      timestamptz NOT NULL,
  bound_order_id uuid REFERENCES orders (id) ON DELETE SET NULL,
  bound_at       timestamptz,
  revoked_at     timestamptz
);
CREATE INDEX service_codes_resource_idx ON service_codes (resource_id);
CREATE INDEX service_codes_user_idx ON service_codes (user_id, issued_at DESC);
CREATE INDEX service_codes_order_idx ON service_codes (bound_order_id) WHERE bound_order_id IS NOT NULL;

-- The truthfulness promise (承诺书) made with each submission of an order (issue 12): who, when, which wording, and
-- whether the person ticked it in the console or an API client submitted without the `promise` field (DESIGN §5.7's
-- submit call predates it; docs/walkthrough.md says how API clients make it).
CREATE TABLE submission_promises (
  id            bigserial PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  user_id       uuid NOT NULL REFERENCES users (id),
  at            timestamptz NOT NULL,
  text_version  text NOT NULL,
  is_explicit   boolean NOT NULL
);
CREATE INDEX submission_promises_order_idx ON submission_promises (order_id, id);

-- The draft as it stood when an order went back to the applicant (rejected by the provider or the 管局, or asked
-- to supplement), with the reasons given. Orders keep one live draft; these rows keep the version each decision
-- was taken on, so a resubmission can be compared field by field with what was rejected.

CREATE TABLE order_decisions (
  id            bigserial PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  order_version integer NOT NULL,                     -- the order's version the decision was taken on
  outcome       text NOT NULL CHECK (outcome IN ('provider_rejected', 'regulator_rejected', 'supplement_requested')),
  draft         text NOT NULL,                        -- encrypted JSON FilingDraft, as decided on
  reasons       jsonb NOT NULL DEFAULT '[]'::jsonb,   -- [{code?, kind?, path?, note?, message?}]
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz NOT NULL
);
CREATE INDEX order_decisions_order_idx ON order_decisions (order_id, id DESC);

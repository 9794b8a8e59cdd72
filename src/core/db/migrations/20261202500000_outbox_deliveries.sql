-- Side effects exactly once (issue 10). Each subscriber of an outbox event gets its own delivery row and runs in its
-- own transaction: one failing subscriber retries only itself. Messages (SMS, e-mail) are only written inside those
-- transactions; the sender worker (src/notify/sender.ts) calls the gateway outside any transaction and marks the row
-- sent after the gateway accepted it.

-- When the event's delivery rows were written; processed_at now means "every subscriber done".
ALTER TABLE outbox ADD COLUMN fanned_out_at timestamptz;
UPDATE outbox SET fanned_out_at = processed_at WHERE processed_at IS NOT NULL;
CREATE INDEX outbox_fan_out_idx ON outbox (id) WHERE fanned_out_at IS NULL;

CREATE TABLE outbox_deliveries (
  event_id        bigint NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  subscriber      text NOT NULL,
  seq             integer NOT NULL,              -- registration order: subscribers of one event run in this order
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  done_at         timestamptz,
  PRIMARY KEY (event_id, subscriber)
);
CREATE INDEX outbox_deliveries_due_idx ON outbox_deliveries (next_attempt_at, event_id, seq) WHERE status = 'pending';

-- Rows written before this migration were sent synchronously: they stay 'sent'.
ALTER TABLE sent_messages
  ADD COLUMN status          text NOT NULL DEFAULT 'sent' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN last_error      text,
  ADD COLUMN sent_at         timestamptz,
  ADD COLUMN params          text;            -- encrypted JSON: the SMS template parameters
CREATE INDEX sent_messages_due_idx ON sent_messages (next_attempt_at, id) WHERE status IN ('pending', 'sending');

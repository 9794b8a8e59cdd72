-- The regulator port (DESIGN §5.12, issue 10). The platform keeps what it sent to the regulator and what it heard
-- back; the simulator, one adapter behind the port, keeps its own state in sim_* tables and reaches the platform only
-- through the port.

-- One row per order version sent; the id is the submission id the adapter sees (the same on every retry).
CREATE TABLE regulator_submissions (
  id             uuid PRIMARY KEY,
  order_id       uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  order_version  integer NOT NULL,
  kind           text NOT NULL,
  adapter        text NOT NULL,
  status         text NOT NULL CHECK (status IN ('sending', 'accepted', 'refused', 'decided')),
  regulator_ref  text,
  attempts       integer NOT NULL DEFAULT 0,
  last_error     text,
  created_at     timestamptz NOT NULL,
  accepted_at    timestamptz,
  UNIQUE (order_id, order_version)
);

-- Every event an adapter delivered, once per (adapter, event id): a repeated event is recognised and skipped.
CREATE TABLE regulator_events (
  id             bigserial PRIMARY KEY,
  adapter        text NOT NULL,
  event_id       text NOT NULL,
  submission_id  text,
  type           text NOT NULL,
  outcome        text NOT NULL,
  received_at    timestamptz NOT NULL,
  UNIQUE (adapter, event_id)
);
CREATE INDEX regulator_events_submission_idx ON regulator_events (submission_id);

-- Where polling goes on from, per adapter, with a short lease so one process polls at a time.
CREATE TABLE regulator_cursors (
  adapter       text PRIMARY KEY,
  cursor        text,
  leased_by     text,
  leased_until  timestamptz,
  updated_at    timestamptz NOT NULL
);

-- The simulator's own state.
CREATE TABLE sim_submissions (
  id             text PRIMARY KEY,
  regulator_ref  text NOT NULL,
  order_id       uuid NOT NULL,
  order_number   text NOT NULL,
  kind           text NOT NULL,
  province       text NOT NULL,
  subject_key    text,
  payload        text NOT NULL,                      -- encrypted JSON: the draft and what the order changes
  status         text NOT NULL CHECK (status IN ('received', 'sms_check', 'review', 'approved', 'rejected')),
  created_at     timestamptz NOT NULL,
  decided_at     timestamptz
);

CREATE TABLE sim_events (
  id             bigserial PRIMARY KEY,
  event_id       text NOT NULL UNIQUE,
  submission_id  text NOT NULL,
  body           jsonb NOT NULL,
  created_at     timestamptz NOT NULL,
  delivered_at   timestamptz
);
CREATE INDEX sim_events_undelivered_idx ON sim_events (id) WHERE delivered_at IS NULL;

CREATE TABLE sim_access_changes (
  id             text PRIMARY KEY,
  regulator_ref  text NOT NULL,
  body           jsonb NOT NULL,
  created_at     timestamptz NOT NULL
);

-- The SMS check and the number counter were the platform's; they are the simulated regulator's now.
ALTER TABLE sms_challenges RENAME TO sim_sms_challenges;
ALTER TABLE sim_sms_challenges DROP CONSTRAINT sms_challenges_order_id_fkey;
ALTER TABLE sim_sms_challenges ADD COLUMN submission_id text;
CREATE INDEX sim_sms_challenges_submission_idx ON sim_sms_challenges (submission_id);
ALTER TABLE number_sequences RENAME TO sim_number_sequences;

-- The simulated registry numbers services itself; rows written before learn their number from the filed records.
ALTER TABLE sim_national_records ADD COLUMN service_number text;
UPDATE sim_national_records r SET service_number = s.number
  FROM filed_services s
 WHERE r.service_number IS NULL AND r.subject_number = s.subject_number AND r.domain = s.domain;

-- Jobs of the former in-process simulator: an order waiting to be sent is sent through the port; the simulator's
-- later steps cannot be resumed for orders it took before (demo data: resubmit them).
UPDATE jobs SET name = 'regulator.submit' WHERE name = 'regulator.send' AND status = 'pending';
UPDATE jobs SET status = 'done', last_error = 'superseded by the regulator port'
 WHERE name IN ('regulator.decide', 'regulator.sms_timeout') AND status = 'pending';

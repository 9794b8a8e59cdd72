-- Filing orders and everything hanging off them: materials, face checks, review calls, the regulator's SMS check,
-- filed subjects and services with their numbers, and the simulated national registry.

CREATE TABLE orders (
  id                uuid PRIMARY KEY,
  number            text NOT NULL UNIQUE,            -- shown to people: 20261123-482913
  user_id           uuid NOT NULL REFERENCES users (id),
  kind              text,                            -- FilingKind; null while undecidable
  status            text NOT NULL,
  version           integer NOT NULL DEFAULT 1,
  draft             text NOT NULL,                   -- encrypted JSON FilingDraft (it holds ID numbers and mobiles)
  province          text,
  subject_name      text,
  subject_key       text,                            -- keyed hash of certificate type + number
  domains           text[] NOT NULL DEFAULT '{}',    -- registrable domains, ASCII
  filing_number     text,                            -- the filed subject a change/cancel order is about
  target_services   text[] NOT NULL DEFAULT '{}',
  reject_reasons    jsonb NOT NULL DEFAULT '[]'::jsonb,
  supplement_items  jsonb NOT NULL DEFAULT '[]'::jsonb,
  claimed_by        uuid REFERENCES users (id),
  claimed_at        timestamptz,
  sla_due_at        timestamptz,
  submitted_at      timestamptz,
  decided_at        timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  last_activity_at  timestamptz NOT NULL
);
CREATE INDEX orders_user_idx ON orders (user_id, created_at DESC);
CREATE INDEX orders_status_idx ON orders (status, submitted_at);
-- Only one order in flight per subject (SPEC §12).
CREATE UNIQUE INDEX orders_one_in_flight_idx ON orders (subject_key) WHERE subject_key IS NOT NULL AND status NOT IN ('approved', 'abandoned');

CREATE TABLE order_materials (
  id          uuid PRIMARY KEY,
  order_id    uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  applies_to  text,
  issued_on   date,
  sha256      text NOT NULL,                         -- of the stored (metadata-stripped) image
  format      text NOT NULL,
  bytes       integer NOT NULL,
  width       integer,
  height      integer,
  colour      text,
  findings    jsonb NOT NULL DEFAULT '[]'::jsonb,
  uploaded_by uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  replaced_at timestamptz
);
CREATE INDEX order_materials_order_idx ON order_materials (order_id);

CREATE TABLE face_verifications (
  id           uuid PRIMARY KEY,
  order_id     uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  person_path  text NOT NULL,                        -- subject.leader, services[0].leader
  person_key   text NOT NULL,                        -- keyed hash of the ID number verified
  outcome      text NOT NULL CHECK (outcome IN ('passed', 'failed', 'error')),
  score        real,
  vendor_ref   text,
  photo_sha256 text,
  created_at   timestamptz NOT NULL
);
CREATE INDEX face_verifications_order_idx ON face_verifications (order_id, person_path);

CREATE TABLE review_calls (
  id         bigserial PRIMARY KEY,
  order_id   uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  reviewer   uuid REFERENCES users (id),
  person_path text NOT NULL,
  outcome    text NOT NULL CHECK (outcome IN ('answered', 'missed', 'wrong_number', 'refused')),
  note       text,
  created_at timestamptz NOT NULL
);
CREATE INDEX review_calls_order_idx ON review_calls (order_id);

CREATE TABLE sms_challenges (
  id            uuid PRIMARY KEY,
  order_id      uuid NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  mobile_hash   text NOT NULL,
  mobile        text NOT NULL,                       -- encrypted
  code_hash     text NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  sent_count    integer NOT NULL DEFAULT 1,
  expires_at    timestamptz NOT NULL,               -- 24 h from the first text; resending does not extend it
  confirmed_at  timestamptz,
  created_at    timestamptz NOT NULL
);
CREATE INDEX sms_challenges_mobile_idx ON sms_challenges (mobile_hash) WHERE confirmed_at IS NULL;
CREATE INDEX sms_challenges_order_idx ON sms_challenges (order_id);

CREATE TABLE number_sequences (
  province text NOT NULL,
  year     integer NOT NULL,
  next     integer NOT NULL,
  PRIMARY KEY (province, year)
);

CREATE TABLE filed_subjects (
  number        text PRIMARY KEY,                    -- 浙ICP备2026012345号
  province      text NOT NULL,
  user_id       uuid REFERENCES users (id),
  subject_key   text NOT NULL,
  leader_key    text NOT NULL,                       -- keyed hash of the subject leader's ID number
  name          text NOT NULL,
  nature        text NOT NULL,
  draft         text NOT NULL,                       -- encrypted JSON of the filed data
  status        text NOT NULL CHECK (status IN ('active', 'cancelled')),
  approved_at   timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);
CREATE INDEX filed_subjects_subject_idx ON filed_subjects (subject_key);
CREATE INDEX filed_subjects_name_idx ON filed_subjects (name);

CREATE TABLE filed_services (
  number          text PRIMARY KEY,                  -- 浙ICP备2026012345号-1 / -1A / -1X
  subject_number  text NOT NULL REFERENCES filed_subjects (number),
  seq             integer NOT NULL,
  kind            text NOT NULL,
  name            text NOT NULL,
  domain          text,                              -- registrable domain, ASCII (websites)
  domains         text[] NOT NULL DEFAULT '{}',
  home_url        text,
  content_types   text[] NOT NULL DEFAULT '{}',
  leader_name     text,
  access_state    text NOT NULL CHECK (access_state IN ('connected', 'revoked', 'cancelled')),
  approved_at     timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  UNIQUE (subject_number, seq, kind)
);
CREATE INDEX filed_services_domain_idx ON filed_services (domain);
CREATE INDEX filed_services_subject_idx ON filed_services (subject_number);

CREATE TABLE filing_history (
  id             bigserial PRIMARY KEY,
  subject_number text NOT NULL,
  order_id       uuid,
  kind           text NOT NULL,
  at             timestamptz NOT NULL,
  summary        text NOT NULL
);
CREATE INDEX filing_history_subject_idx ON filing_history (subject_number, id);

-- The simulated national registry (管局 side): filings that exist at other providers, used by the simulator's
-- checks ("record exists with another certificate", "leader ID used by another subject", cancelled subjects).
CREATE TABLE sim_national_records (
  id             bigserial PRIMARY KEY,
  domain         text,
  subject_key    text NOT NULL,
  leader_key     text,
  subject_number text,
  status         text NOT NULL CHECK (status IN ('active', 'cancelled')),
  created_at     timestamptz NOT NULL
);
CREATE INDEX sim_national_records_domain_idx ON sim_national_records (domain);
CREATE INDEX sim_national_records_subject_idx ON sim_national_records (subject_key);
CREATE INDEX sim_national_records_leader_idx ON sim_national_records (leader_key);

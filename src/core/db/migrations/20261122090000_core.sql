-- Core: accounts, sessions, login throttling, audit log, transactional outbox, jobs, sent messages.
-- Written for the PostgreSQL 15 subset so it runs on both the server and embedded PGlite (PostgreSQL 18).

CREATE TABLE users (
  id            uuid PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role          text NOT NULL CHECK (role IN ('applicant', 'reviewer', 'compliance', 'butler', 'admin')),
  display_name  text,
  -- Keyed hash of the filing subject's certificate type + number: one account files for one subject.
  subject_key   text UNIQUE,
  subject_bound_at timestamptz,
  created_at    timestamptz NOT NULL,
  disabled_at   timestamptz
);

CREATE TABLE sessions (
  id           text PRIMARY KEY,              -- sha256 of the cookie token; the token itself is never stored
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  request_ip   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
  id          bigserial PRIMARY KEY,
  account_key text NOT NULL,
  ip          text NOT NULL,
  failed_at   timestamptz NOT NULL
);
CREATE INDEX login_failures_account_idx ON login_failures (account_key, failed_at);
CREATE INDEX login_failures_ip_idx ON login_failures (ip, failed_at);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_role  text,
  request_id  text,
  entity_type text NOT NULL,
  entity_id   text NOT NULL,
  action      text NOT NULL,
  from_status text,
  to_status   text,
  reason      text,
  data        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);

CREATE TABLE outbox (
  id             bigserial PRIMARY KEY,
  created_at     timestamptz NOT NULL,
  topic          text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  payload        jsonb NOT NULL,
  processed_at   timestamptz,
  attempts       integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error     text
);
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL;

CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL,
  payload      jsonb NOT NULL,
  run_at       timestamptz NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by    text,
  locked_until timestamptz,
  last_error   text,
  dedupe_key   text UNIQUE,
  created_at   timestamptz NOT NULL,
  finished_at  timestamptz
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE status = 'pending';

CREATE TABLE sent_messages (
  id             bigserial PRIMARY KEY,
  created_at     timestamptz NOT NULL,
  channel        text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient_hash text NOT NULL,
  recipient      text NOT NULL,               -- encrypted
  subject        text,
  body           text NOT NULL,               -- encrypted: SMS codes and names are personal data
  template       text NOT NULL,
  dedupe_key     text NOT NULL UNIQUE,        -- the same outbox event never sends twice
  adapter        text NOT NULL
);
CREATE INDEX sent_messages_recipient_idx ON sent_messages (recipient_hash, id);

CREATE TABLE idempotency_keys (
  key         text NOT NULL,
  user_id     uuid NOT NULL,
  scope       text NOT NULL,
  created_at  timestamptz NOT NULL,
  status_code integer NOT NULL,
  response    jsonb NOT NULL,
  PRIMARY KEY (user_id, scope, key)
);

-- Revocation of access (取消接入, DESIGN §5.9, issue 8): each decision to take services off this provider's access,
-- who made it and why (a person, an overdue finding, a content violation), and how far the news of it got to the
-- regulator (forwarded by a job through the Regulator port, never inside the revoking transaction).

CREATE TABLE access_revocations (
  id                 uuid PRIMARY KEY,
  subject_number     text NOT NULL,
  service_numbers    text[] NOT NULL,
  domains            text[] NOT NULL,
  reason             text NOT NULL,
  source             text NOT NULL CHECK (source IN ('staff', 'finding', 'violation')),
  finding_id         uuid,
  incident_id        text,
  actor_user_id      uuid,
  revoked_at         timestamptz NOT NULL,
  regulator_status   text NOT NULL CHECK (regulator_status IN ('pending', 'sent', 'refused')),
  regulator_ref      text,
  regulator_attempts integer NOT NULL DEFAULT 0,
  regulator_error    text,
  regulator_sent_at  timestamptz
);
CREATE INDEX access_revocations_subject_idx ON access_revocations (subject_number, revoked_at DESC);

-- In-app notices (the console's bell): what the owner is told in the console, besides SMS and e-mail. One row per
-- message and user; the dedupe key makes a retried outbox event write it once.
CREATE TABLE in_app_notices (
  id          bigserial PRIMARY KEY,
  user_id     uuid NOT NULL,
  topic       text NOT NULL,
  title_zh    text NOT NULL,
  title_en    text NOT NULL,
  body_zh     text NOT NULL,
  body_en     text NOT NULL,
  link        text,
  dedupe_key  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX in_app_notices_user_idx ON in_app_notices (user_id, id DESC);

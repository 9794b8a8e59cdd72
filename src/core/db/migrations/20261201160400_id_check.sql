-- "Which filings use my ID?" (PIPL art. 44, the right to know): a person proves an ID number and a mobile filed with
-- it by an SMS code, sees where the ID is a responsible person here, and may report misuse.
CREATE TABLE id_checks (
  id                uuid PRIMARY KEY,
  person_key        text NOT NULL,            -- keyed hash of the ID number
  mobile_hash       text NOT NULL,
  mobile            text,                     -- encrypted; only when the pair is on record (a code was texted)
  id_number_masked  text NOT NULL,
  is_matched        boolean NOT NULL,
  code_hash         text NOT NULL,
  attempts          integer NOT NULL DEFAULT 0,
  expires_at        timestamptz NOT NULL,
  confirmed_at      timestamptz,
  access_token_hash text UNIQUE,              -- after the code: lets the person report misuse for a while
  access_expires_at timestamptz,
  references_found  jsonb NOT NULL DEFAULT '[]'::jsonb,  -- subject and order numbers shown, which a report may name
  created_at        timestamptz NOT NULL
);
CREATE INDEX id_checks_person_idx ON id_checks (person_key, created_at);

CREATE TABLE misuse_reports (
  id               uuid PRIMARY KEY,
  reference        text NOT NULL UNIQUE,      -- what the person quotes, e.g. MR-20261123-4821
  check_id         uuid NOT NULL REFERENCES id_checks (id),
  person_key       text NOT NULL,
  id_number_masked text NOT NULL,
  mobile           text NOT NULL,             -- encrypted; the answer is texted there
  subject_number   text,
  order_number     text,
  note             text NOT NULL,             -- encrypted
  status           text NOT NULL CHECK (status IN ('open', 'answered')),
  created_at       timestamptz NOT NULL,
  due_at           timestamptz NOT NULL,      -- 3 workdays
  answered_at      timestamptz,
  answered_by      uuid,
  answer           text                       -- encrypted
);
CREATE INDEX misuse_reports_open_idx ON misuse_reports (status, due_at);

-- 认领 (issue 10, "moving in from an existing system"): a subject imported by `openbeian import` has no account.
-- An applicant claims it with an SMS code texted to the subject leader's filed mobile; the right code binds the
-- subject (and with it its services) to the applicant's account. Codes are stored as keyed hashes only.
CREATE TABLE subject_claims (
  id             uuid PRIMARY KEY,
  subject_number text NOT NULL REFERENCES filed_subjects (number),
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  mobile         text NOT NULL,                      -- encrypted: the filed mobile the code went to
  code_hash      text NOT NULL,
  attempts       integer NOT NULL DEFAULT 0,
  expires_at     timestamptz NOT NULL,               -- 10 minutes on the application clock
  confirmed_at   timestamptz,
  created_at     timestamptz NOT NULL
);
CREATE INDEX subject_claims_subject_idx ON subject_claims (subject_number, created_at);

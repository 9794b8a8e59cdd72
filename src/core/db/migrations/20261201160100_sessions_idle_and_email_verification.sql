-- Sessions end after a time without use (30 minutes for staff, 2 hours for applicants), judged on the application
-- clock; last_seen_at is when the session was last used.
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;
UPDATE sessions SET last_seen_at = created_at;
ALTER TABLE sessions ALTER COLUMN last_seen_at SET NOT NULL;

-- A self-registered account is usable once its owner opened the link e-mailed to the address. Accounts that exist
-- already (staff, demo, earlier registrations) count as verified.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;
UPDATE users SET email_verified_at = created_at;

-- One row per registration: the link's token (hashed) activates the password chosen in that registration, so a
-- stranger who registers the same address first cannot choose the password its owner later verifies.
CREATE TABLE email_verifications (
  id            text PRIMARY KEY,            -- sha256 of the token in the link
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);
CREATE INDEX email_verifications_user_idx ON email_verifications (user_id);

-- Account recovery: password reset by e-mail, and the login name found by a filed domain (SPEC §3).

-- A reset link's token is stored only as its sha256; the token itself travels in the e-mail alone.
CREATE TABLE password_reset_tokens (
  id          text PRIMARY KEY,                      -- sha256 of the token
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,                  -- 30 minutes on the application clock
  used_at     timestamptz,                           -- set when used, or when another token of the user was
  request_ip  text
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id) WHERE used_at IS NULL;

-- An SMS code texted to the filed subject leader's mobile; on the right code the account's login e-mail follows.
CREATE TABLE login_name_challenges (
  id             uuid PRIMARY KEY,
  domain         text NOT NULL,                      -- registrable domain, ASCII
  subject_number text NOT NULL,
  user_id        uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  mobile         text NOT NULL,                      -- encrypted
  code_hash      text NOT NULL,
  attempts       integer NOT NULL DEFAULT 0,
  expires_at     timestamptz NOT NULL,               -- 10 minutes on the application clock
  confirmed_at   timestamptz,
  created_at     timestamptz NOT NULL
);
CREATE INDEX login_name_challenges_domain_idx ON login_name_challenges (domain, created_at) WHERE confirmed_at IS NULL;

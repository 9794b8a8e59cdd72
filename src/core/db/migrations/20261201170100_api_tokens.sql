-- Tokens for machines (the enforcement edge, cron jobs): issued and revoked by an admin, sent as
-- "Authorization: Bearer obt_…". Only a SHA-256 of the token is kept; the token is shown once, at issue.
CREATE TABLE api_tokens (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  scopes       text[] NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  token_hint   text NOT NULL,               -- the token's first characters, to recognise it in the list
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  revoked_by   uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX api_tokens_created_idx ON api_tokens (created_at DESC);

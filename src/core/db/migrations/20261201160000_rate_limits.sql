-- Rate limits shared by every process: one row per (scope, key) with a fixed window. A check is one upsert, so the
-- count is the same whichever process answers; spraying new keys only adds rows and never resets anyone's count.
CREATE TABLE rate_limits (
  key          text PRIMARY KEY,            -- scope + keyed hash of the limited value (address, e-mail, domain …)
  window_start timestamptz NOT NULL,
  hits         integer NOT NULL,
  expires_at   timestamptz NOT NULL         -- window_start + window: rows past it are swept
);
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_at);

-- Login throttling looks up failures per (account, address) as well as per account and per address.
CREATE INDEX login_failures_pair_idx ON login_failures (account_key, ip, failed_at);

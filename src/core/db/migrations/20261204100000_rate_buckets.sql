-- Token buckets shared by every process (the public query's per-address limit): one row per (scope, key) holding
-- the tokens left as of `at`. A request is one upsert that refills by the time passed, takes a token if there is
-- one and says whether it did, so the limit is the same whichever process answers, and a client cannot send twice
-- the limit across a window edge as with a fixed window.
CREATE TABLE rate_buckets (
  key        text PRIMARY KEY,              -- scope + keyed hash of the limited value (an address)
  tokens     double precision NOT NULL,
  at         timestamptz NOT NULL,
  allowed    boolean NOT NULL,              -- whether the last request took a token
  expires_at timestamptz NOT NULL           -- when the bucket is full again: rows past it are swept
);
CREATE INDEX rate_buckets_expires_idx ON rate_buckets (expires_at);

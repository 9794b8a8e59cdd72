-- The enforcement change feed (GET /api/v1/enforcement/changes?since=): one row per domain whose "may be served"
-- state was re-read after a filing change, in the order edges must apply them. Rows are written by the
-- filing.services_changed handler under one advisory lock, so a row that is visible never has an invisible row
-- with a smaller seq: a cursor (the last seq an edge applied) never skips a change.
CREATE TABLE enforcement_changes (
  seq        bigserial PRIMARY KEY,
  domain     text NOT NULL,                -- registrable domain, ASCII
  allowed    boolean NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX enforcement_changes_at_idx ON enforcement_changes (changed_at);

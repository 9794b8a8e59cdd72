-- Compliance sweep runs (DESIGN §5.9, issue 8): one row per run of a sweep kind, advanced batch by batch by jobs.
-- `cursor` is the last target checked (the sort key of its service), so a run resumes after a restart where it
-- stopped. At most one queued or running sweep per kind: a second start joins it.

CREATE TABLE compliance_sweeps (
  id          uuid PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('dns', 'footer', 'registrar')),
  status      text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  total       integer NOT NULL DEFAULT 0,    -- domains to check, counted at the start (the real count when done)
  done        integer NOT NULL DEFAULT 0,    -- domains looked at, checked or failed
  failed      integer NOT NULL DEFAULT 0,    -- domains whose check failed (time-out, SERVFAIL …): they change nothing
  findings    integer NOT NULL DEFAULT 0,    -- findings this run opened
  closed      integer NOT NULL DEFAULT 0,    -- findings this run closed (fixed)
  cursor      jsonb,                         -- {domain, service} of the last service checked; null: from the start
  started_by  uuid,                          -- the user who started it (null: the CLI)
  error       text,                          -- why it failed
  created_at  timestamptz NOT NULL,
  started_at  timestamptz,
  finished_at timestamptz,
  updated_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX compliance_sweeps_active_idx ON compliance_sweeps (kind) WHERE status IN ('queued', 'running');
CREATE INDEX compliance_sweeps_recent_idx ON compliance_sweeps (created_at DESC, id DESC);

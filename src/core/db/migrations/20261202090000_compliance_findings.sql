-- Compliance findings (DESIGN §5.9, issue 8): what a sweep (or a person) found wrong with a filed, connected
-- service, with its evidence and its rectification deadline. One open finding per (code, domain); the next sweep
-- that sees the problem gone closes it.

CREATE TABLE compliance_findings (
  id              uuid PRIMARY KEY,
  sweep_kind      text NOT NULL CHECK (sweep_kind IN ('dns', 'footer', 'registrar', 'manual')),
  code            text NOT NULL,                 -- FindingCode (src/compliance/codes.ts)
  subject_number  text NOT NULL,
  service_number  text,
  domain          text,
  status          text NOT NULL CHECK (status IN ('open', 'closed', 'waived', 'revoked')),
  evidence        jsonb NOT NULL,                -- never empty: a finding without evidence is not written
  sweep_id        text,                          -- the sweep run that found it (null: recorded by a person)
  detected_at     timestamptz NOT NULL,
  last_seen_at    timestamptz NOT NULL,
  deadline        timestamptz,                   -- rectification deadline; overdue → access revoked
  decided_at      timestamptz,
  decided_by      uuid,
  decision_reason text,
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL
);
CREATE UNIQUE INDEX compliance_findings_open_idx ON compliance_findings (code, domain) WHERE status = 'open';
CREATE INDEX compliance_findings_queue_idx ON compliance_findings (status, deadline, detected_at);
CREATE INDEX compliance_findings_subject_idx ON compliance_findings (subject_number, detected_at DESC);

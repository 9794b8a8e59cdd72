-- Content-violation incidents (SPEC §8, DESIGN §5.9 POST /api/v1/compliance/incidents) and the suspensions they
-- cause. Each incident keeps the decision the escalation rules (src/rules/violation-escalation.ts) took when it was
-- recorded, so the ledger shows what happened even after the rules change.
CREATE TABLE violation_incidents (
  id              uuid PRIMARY KEY,
  seq             bigserial NOT NULL UNIQUE,     -- the ledger's order and cursor
  subject_number  text NOT NULL,
  service_number  text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('violation', 'owner_unreachable', 'false_contact', 'refused_deletion')),
  note            text NOT NULL,
  occurred_at     timestamptz NOT NULL,
  recorded_by     uuid,
  action          text NOT NULL CHECK (action IN ('record_only', 'suspend', 'close')),
  rule_id         text NOT NULL,
  suspended_until timestamptz,
  idempotency_key text                           -- a retried POST (Idempotency-Key) answers the first incident
);
CREATE UNIQUE INDEX violation_incidents_idempotency_idx ON violation_incidents (recorded_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX violation_incidents_service_idx ON violation_incidents (service_number, occurred_at);

-- A service is suspended while it has a row here with lifted_at NULL; the enforcement index leaves its domains out.
-- A job at `until` lifts it. "Active" is a flag, not `until > now()`, because the application clock (virtual in
-- demo and test mode) is not the database's.
CREATE TABLE service_suspensions (
  id             uuid PRIMARY KEY,
  service_number text NOT NULL,
  incident_id    uuid NOT NULL REFERENCES violation_incidents (id),
  starts_at      timestamptz NOT NULL,
  until          timestamptz NOT NULL,
  lifted_at      timestamptz
);
CREATE INDEX service_suspensions_active_idx ON service_suspensions (service_number) WHERE lifted_at IS NULL;

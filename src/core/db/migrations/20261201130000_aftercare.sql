-- After approval (SPEC §9): the police filing (公安联网备案) of each filed website. The owner records the launch date,
-- which starts the 30-day clock (reminders are jobs), and later the 14-digit police record number the footer shows.

CREATE TABLE police_filings (
  service_number  text PRIMARY KEY REFERENCES filed_services (number),
  subject_number  text NOT NULL REFERENCES filed_subjects (number),
  launched_on     date NOT NULL,
  due_on          date NOT NULL,                       -- launched_on + 30 days
  police_number   text CHECK (police_number ~ '^[0-9]{14}$'),
  recorded_at     timestamptz,                         -- when the police number was (last) recorded
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX police_filings_subject_idx ON police_filings (subject_number);
CREATE INDEX police_filings_open_idx ON police_filings (due_on) WHERE police_number IS NULL;

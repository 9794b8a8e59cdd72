-- Leases are measured on the database's clock (issue 10, "more than one process"). Due times stay on the
-- application clock (a virtual clock moves them in demo and test mode), but how long a process may hold what it
-- claimed is `now() + interval`, compared with `now()`: one clock for every process. A lease written on the
-- application clock broke once the demo clock was shared between processes (dev_clock): a process ahead of the one
-- holding the lease saw it long expired and sent the same message (or ran the same job) a second time.

-- The sender's lease, in a column of its own; a message being sent has no due time on the application clock.
ALTER TABLE sent_messages ADD COLUMN lease_until timestamptz;
UPDATE sent_messages SET lease_until = now() + interval '5 minutes', next_attempt_at = NULL WHERE status = 'sending';
-- A release from before this one claiming during a rolling upgrade fails here, rather than leaving a row in
-- `sending` that no lease would ever give back. NOT VALID: the rows above were just made to hold it (no scan).
ALTER TABLE sent_messages ADD CONSTRAINT sent_messages_sending_leased CHECK (status <> 'sending' OR lease_until IS NOT NULL) NOT VALID;
-- The claim's two arms (src/notify/sender.ts), one partial index each, as for the job claim.
DROP INDEX sent_messages_due_idx;
CREATE INDEX sent_messages_due_idx ON sent_messages (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX sent_messages_lease_idx ON sent_messages (lease_until) WHERE status = 'sending';

-- jobs.locked_until and regulator_cursors.leased_until keep their names and now hold database-clock times. A lease
-- held right now was written on the application clock: it gets a fresh one of the usual length.
UPDATE jobs SET locked_until = now() + interval '5 minutes' WHERE status = 'running';
UPDATE regulator_cursors SET leased_until = now() + interval '2 minutes' WHERE leased_until IS NOT NULL;

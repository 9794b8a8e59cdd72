-- Indexes for the job claim's second arm (a crashed worker's lease) and for the nightly retention run
-- (src/housekeeping/rules.ts): each rule's condition is served by an index, so the run never scans a large table.
CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE status = 'running';
CREATE INDEX jobs_finished_idx ON jobs ((coalesce(finished_at, run_at))) WHERE status IN ('done', 'failed');
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
CREATE INDEX outbox_processed_idx ON outbox (processed_at) WHERE processed_at IS NOT NULL;
CREATE INDEX sent_messages_created_idx ON sent_messages (created_at);
CREATE INDEX login_failures_failed_idx ON login_failures (failed_at);
CREATE INDEX password_reset_tokens_expires_idx ON password_reset_tokens (expires_at);
CREATE INDEX email_verifications_expires_idx ON email_verifications (expires_at);
CREATE INDEX login_name_challenges_expires_idx ON login_name_challenges (expires_at);
CREATE INDEX id_checks_expires_idx ON id_checks ((coalesce(access_expires_at, expires_at)));
CREATE INDEX misuse_reports_check_idx ON misuse_reports (check_id);

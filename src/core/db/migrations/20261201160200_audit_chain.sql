-- Tamper-evident audit: each row is chained to the previous row of its stream (the entity it is about) by a keyed
-- hash. Rows written before this migration have no hash and are reported as unchained, not as broken.
ALTER TABLE audit_log ADD COLUMN stream text;
ALTER TABLE audit_log ADD COLUMN seq integer;
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;
-- Keyed hashes of the ID numbers of the people whose data a row concerns (a view, a reveal, a download): an admin
-- exports one person's trail by these.
ALTER TABLE audit_log ADD COLUMN person_keys text[] NOT NULL DEFAULT '{}';
CREATE UNIQUE INDEX audit_log_stream_seq_idx ON audit_log (stream, seq);
CREATE INDEX audit_log_person_keys_idx ON audit_log USING gin (person_keys);

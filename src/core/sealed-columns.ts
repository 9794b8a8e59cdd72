/**
 * Every column that holds personal data sealed with the field cipher (`keyId.iv.tag.body`) or a keyed look-up hash
 * (`keyId:hex`), in one place: `openbeian rotate-keys` re-encrypts and re-hashes exactly these, and a test
 * (src/core/sealed-columns.test.ts) fails when a column whose name marks it as sealed or hashed is in none of the
 * lists below. A new column goes into SEALED_COLUMNS, HASHED_COLUMNS or NOT_ROTATED (with the reason).
 */

/** A table and the primary key `rotate-keys` walks it by (keyset pagination, one transaction per batch). */
export type RotatedTable = { table: string; primaryKey: string };

export type SealedColumn = { table: string; column: string };

/**
 * `array`: a text[] of hashes (each element re-hashed). A hashed column is re-hashed from a plain value found
 * elsewhere (src/cli/rotate-keys.ts, `plainValues`): the hash alone cannot be turned into another key's hash.
 */
export type HashedColumn = { table: string; column: string; array?: boolean };

export const ROTATED_TABLES: readonly RotatedTable[] = [
  { table: 'orders', primaryKey: 'id' },
  { table: 'order_decisions', primaryKey: 'id' },
  { table: 'filed_subjects', primaryKey: 'number' },
  { table: 'face_verifications', primaryKey: 'id' },
  { table: 'users', primaryKey: 'id' },
  { table: 'sent_messages', primaryKey: 'id' },
  { table: 'login_name_challenges', primaryKey: 'id' },
  { table: 'id_checks', primaryKey: 'id' },
  { table: 'misuse_reports', primaryKey: 'id' },
  { table: 'butler_tickets', primaryKey: 'id' },
  { table: 'butler_invoice_requests', primaryKey: 'id' },
  { table: 'sim_sms_challenges', primaryKey: 'id' },
  { table: 'sim_submissions', primaryKey: 'id' },
  { table: 'sim_national_records', primaryKey: 'id' },
  { table: 'subject_claims', primaryKey: 'id' },
  { table: 'registrar_feed_records', primaryKey: 'domain' },
];

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  { table: 'orders', column: 'draft' },
  { table: 'order_decisions', column: 'draft' },
  { table: 'filed_subjects', column: 'draft' },
  { table: 'sent_messages', column: 'recipient' },
  { table: 'sent_messages', column: 'body' },
  { table: 'login_name_challenges', column: 'mobile' },
  { table: 'id_checks', column: 'mobile' },
  { table: 'misuse_reports', column: 'mobile' },
  { table: 'misuse_reports', column: 'note' },
  { table: 'misuse_reports', column: 'answer' },
  { table: 'butler_tickets', column: 'contact_mobile' },
  { table: 'butler_invoice_requests', column: 'email' },
  { table: 'sim_sms_challenges', column: 'mobile' },
  { table: 'sim_submissions', column: 'payload' },
  { table: 'sent_messages', column: 'params' },
  { table: 'subject_claims', column: 'mobile' },
  { table: 'registrar_feed_records', column: 'holder_enc' },
];

export const HASHED_COLUMNS: readonly HashedColumn[] = [
  { table: 'users', column: 'subject_key' },
  { table: 'orders', column: 'subject_key' },
  { table: 'orders', column: 'person_keys', array: true },
  { table: 'face_verifications', column: 'person_key' },
  { table: 'filed_subjects', column: 'subject_key' },
  { table: 'filed_subjects', column: 'leader_key' },
  { table: 'sent_messages', column: 'recipient_hash' },
  { table: 'id_checks', column: 'person_key' },
  { table: 'id_checks', column: 'mobile_hash' },
  { table: 'misuse_reports', column: 'person_key' },
  { table: 'sim_sms_challenges', column: 'mobile_hash' },
  { table: 'sim_submissions', column: 'subject_key' },
  { table: 'sim_national_records', column: 'subject_key' },
  { table: 'sim_national_records', column: 'leader_key' },
];

/** Columns whose names look sealed or hashed but that `rotate-keys` leaves alone, each with the reason. */
export const NOT_ROTATED: readonly (SealedColumn & { reason: string })[] = [
  { table: 'users', column: 'password_hash', reason: 'a password hash (scrypt), no key involved' },
  { table: 'users', column: 'email', reason: 'the login name, stored in clear by design (unique index)' },
  { table: 'email_verifications', column: 'password_hash', reason: 'a password hash (scrypt), no key involved' },
  { table: 'login_failures', column: 'account_key', reason: 'the login name as typed, no key involved; kept for minutes' },
  { table: 'audit_log', column: 'hash', reason: 'tamper evidence: never rewritten; old rows verify with OPENBEIAN_AUDIT_OLD_KEYS' },
  { table: 'audit_log', column: 'prev_hash', reason: 'tamper evidence: never rewritten' },
  { table: 'audit_log', column: 'person_keys', reason: 'part of the signed row, never rewritten; found by person while its look-up key is kept' },
  { table: 'id_checks', column: 'code_hash', reason: 'a code valid for minutes; checked under every live look-up key' },
  { table: 'id_checks', column: 'access_token_hash', reason: 'a hash of a random token, no key involved' },
  { table: 'login_name_challenges', column: 'code_hash', reason: 'a code valid for minutes; checked under every live look-up key' },
  { table: 'sim_sms_challenges', column: 'code_hash', reason: 'a code valid for minutes; checked under every live look-up key' },
  { table: 'subject_claims', column: 'code_hash', reason: 'a claim code valid for 10 minutes; a new one is sent after a rotation' },
  { table: 'api_tokens', column: 'token_hash', reason: 'a hash of a random token, no key involved' },
  { table: 'jobs', column: 'dedupe_key', reason: 'an identifier, no personal data' },
  { table: 'sent_messages', column: 'dedupe_key', reason: 'an identifier, no personal data' },
  { table: 'in_app_notices', column: 'dedupe_key', reason: 'an identifier, no personal data' },
  { table: 'idempotency_keys', column: 'key', reason: 'a client-chosen request key, no personal data' },
  { table: 'violation_incidents', column: 'idempotency_key', reason: 'a client-chosen request key, no personal data' },
  { table: 'butler_checklist_items', column: 'item_key', reason: 'a checklist item name' },
  { table: 'rate_limits', column: 'key', reason: 'a keyed hash kept for one window (minutes); stale rows expire' },
  { table: 'rate_buckets', column: 'key', reason: 'a keyed hash kept until its bucket is full again (a minute); stale rows expire' },
  { table: 'outbox', column: 'payload', reason: 'sealed tokens of pending events only; let the outbox drain before removing an old key' },
  { table: 'sim_events', column: 'body', reason: 'regulator events without personal data' },
  { table: 'sim_access_changes', column: 'body', reason: 'access changes without personal data' },
  { table: 'jobs', column: 'payload', reason: 'job arguments (ids), no personal data' },
  { table: 'butler_tickets', column: 'note', reason: "the applicant's request in their words, shown to the butler; not sealed today" },
  { table: 'review_calls', column: 'note', reason: "a reviewer's note on a call, not sealed today" },
  { table: 'violation_incidents', column: 'note', reason: 'a compliance note on a violation, not sealed today' },
];

/** Names that mark a column as sealed or hashed (the registry test reads information_schema with these). */
export const SEALED_OR_HASHED_NAME = /(_hash|_key|_keys)$|^(key|draft|payload|body|recipient|note|answer)$|(^|_)(mobile|email)$/;

/**
 * How long the platform keeps rows that only serve a moment (issue 10, data lifecycle). The audit log is not here: it
 * is kept for good (MLPS asks for it, and its rows are chained). Everything here is data a person or a process no
 * longer needs once the period is over; the periods follow what each row is for.
 */
export type RetentionRule = {
  table: string;
  /** What is removed, for the log and docs/operations.md. */
  what: string;
  /** Rows are removed this many days after the instant in `after`. */
  days: number;
  /** The SQL condition's shape: `column < cutoff`, optionally with extra conditions that protect rows still needed. */
  after: string;
  extra?: string;
};

export const RETENTION_RULES: readonly RetentionRule[] = [
  { table: 'sessions', what: 'sessions that have ended', days: 0, after: 'expires_at' },
  { table: 'login_failures', what: 'failed log-ins (the throttle looks back one day)', days: 30, after: 'failed_at' },
  { table: 'rate_limits', what: 'rate-limit windows that are over', days: 0, after: 'expires_at' },
  { table: 'rate_buckets', what: 'rate-limit buckets that are full again', days: 0, after: 'expires_at' },
  { table: 'idempotency_keys', what: 'remembered answers to retried requests', days: 7, after: 'created_at' },
  { table: 'password_reset_tokens', what: 'password-reset links', days: 30, after: 'expires_at' },
  { table: 'email_verifications', what: 'e-mail verification links', days: 30, after: 'expires_at' },
  { table: 'login_name_challenges', what: 'login-name (domain) SMS challenges', days: 30, after: 'expires_at' },
  {
    table: 'id_checks',
    what: '"which filings use my ID?" checks with no misuse report',
    days: 30,
    after: 'coalesce(access_expires_at, expires_at)',
    extra: 'NOT EXISTS (SELECT 1 FROM misuse_reports r WHERE r.check_id = id_checks.id)',
  },
  { table: 'jobs', what: 'finished background jobs', days: 30, after: 'coalesce(finished_at, run_at)', extra: "status = 'done'" },
  { table: 'jobs', what: 'background jobs that failed for good', days: 90, after: 'coalesce(finished_at, run_at)', extra: "status = 'failed'" },
  { table: 'outbox', what: 'events every subscriber has handled', days: 30, after: 'processed_at', extra: 'processed_at IS NOT NULL' },
  // An abandoned order keeps its record (what was filed, who decided); its scans and face photos are kept only a
  // month for a change of mind, then the rows go and the files with them (purgeOrphanFiles).
  {
    table: 'order_materials',
    what: 'scans of orders abandoned a month ago',
    days: 30,
    after: '(SELECT o.updated_at FROM orders o WHERE o.id = order_materials.order_id)',
    extra: "order_id IN (SELECT id FROM orders WHERE status = 'abandoned')",
  },
  {
    table: 'face_verifications',
    what: 'face photos of orders abandoned a month ago',
    days: 30,
    after: '(SELECT o.updated_at FROM orders o WHERE o.id = face_verifications.order_id)',
    extra: "order_id IN (SELECT id FROM orders WHERE status = 'abandoned')",
  },
  // Sent texts and e-mails are the proof that an owner was told of a finding or a deadline: kept a year.
  { table: 'sent_messages', what: 'texts and e-mails sent', days: 365, after: 'created_at' },
];

const DAY_MS = 24 * 3600_000;

export function cutoffOf(rule: RetentionRule, now: Date): Date {
  return new Date(now.getTime() - rule.days * DAY_MS);
}

/** The next run: 03:30 Beijing time (19:30 UTC), the quietest hour for a Chinese provider, strictly after `now`. */
export function nextRunAfter(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(19, 30, 0, 0);
  if (next.getTime() <= now.getTime()) next.setTime(next.getTime() + DAY_MS);
  return next;
}

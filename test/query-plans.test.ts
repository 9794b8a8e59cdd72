import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/core/db/migrate.ts';
import type { Database } from '../src/core/db/database.ts';
import { claimDueJobsQuery } from '../src/core/jobs.ts';
import { cutoffOf, RETENTION_RULES } from '../src/housekeeping/rules.ts';
import { claimNextMessageQuery } from '../src/notify/sender.ts';
import { testDatabases } from './support/databases.ts';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

function seqScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

const NOW = new Date('2027-03-10T19:30:00Z');

/**
 * The hot paths of the platform, as the code runs them. With sequential scans priced out (`enable_seqscan = off`),
 * the planner still scans a table when no index can serve the condition: a Seq Scan in the plan means a missing
 * index, whatever the table's size on the day the test runs.
 */
const HOT_PATHS: { name: string; query: RawBuilder<unknown> }[] = [
  { name: 'the job claim (both arms: due and lease expired)', query: claimDueJobsQuery(NOW, 'worker', 10) as RawBuilder<unknown> },
  // The outbox (src/core/outbox.ts): new events fanned out to their subscribers, the next due delivery, the event's completion.
  { name: 'the outbox fan-out', query: sql`SELECT id, topic FROM outbox WHERE fanned_out_at IS NULL ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED` },
  { name: 'the outbox delivery claim', query: sql`SELECT * FROM outbox_deliveries WHERE status = 'pending' AND next_attempt_at <= ${NOW} AND subscriber IN ('a#1', 'b#1') ORDER BY event_id, seq LIMIT 1 FOR UPDATE SKIP LOCKED` },
  { name: "an event's unfinished deliveries", query: sql`SELECT 1 FROM outbox_deliveries WHERE event_id = ${1} AND status <> 'done'` },
  { name: 'the sender claim (both arms: due and lease expired)', query: claimNextMessageQuery(NOW, 300_000) as RawBuilder<unknown> },
  { name: 'a session by its token hash', query: sql`SELECT * FROM sessions WHERE id = ${'x'.repeat(64)}` },
  { name: "an applicant's orders", query: sql`SELECT * FROM orders WHERE user_id = ${'00000000-0000-4000-8000-000000000001'} ORDER BY created_at DESC LIMIT 20` },
  { name: 'the filed subjects, a page after a cursor (staff)', query: sql`SELECT number FROM filed_subjects WHERE (approved_at, number) < (${NOW}, ${'浙ICP备2027000001号'}) ORDER BY approved_at DESC, number DESC LIMIT 51` },
  { name: "an applicant's filed subjects", query: sql`SELECT number FROM filed_subjects WHERE user_id = ${'00000000-0000-4000-8000-000000000001'} ORDER BY approved_at DESC, number DESC LIMIT 51` },
  { name: 'the review queue', query: sql`SELECT * FROM orders WHERE status = 'provider_review' ORDER BY submitted_at, id LIMIT 50` },
  { name: 'the review queue, a page after a cursor', query: sql`SELECT * FROM orders WHERE status = 'provider_review' AND (submitted_at, id) > (${NOW}, ${'00000000-0000-4000-8000-000000000001'}) ORDER BY submitted_at, id LIMIT 51` },
  { name: 'the orders list (staff), a page after a cursor', query: sql`SELECT * FROM orders WHERE (submitted_at IS NOT NULL OR help_requested_at IS NOT NULL) AND (created_at, id) < (${NOW}, ${'00000000-0000-4000-8000-000000000001'}) ORDER BY created_at DESC, id DESC LIMIT 21` },
  { name: "an applicant's in-app notices", query: sql`SELECT * FROM in_app_notices WHERE user_id = ${'00000000-0000-4000-8000-000000000001'} AND id < ${100} ORDER BY id DESC LIMIT 51` },
  { name: 'a filed domain (enforcement, public query)', query: sql`SELECT * FROM filed_services WHERE domain = ${'example.cn'}` },
  { name: 'a filed subject by name prefix (public query)', query: sql`SELECT * FROM filed_subjects WHERE name LIKE ${'杭州云栖%'} ORDER BY name LIMIT 20` },
  { name: 'the open findings queue', query: sql`SELECT * FROM compliance_findings WHERE status = 'open' ORDER BY deadline, detected_at LIMIT 50` },
  { name: 'messages to one recipient (outbox view)', query: sql`SELECT * FROM sent_messages WHERE recipient_hash = ${'h'} ORDER BY id DESC LIMIT 20` },
  { name: "one entity's audit trail", query: sql`SELECT * FROM audit_log WHERE entity_type = 'order' AND entity_id = ${'o'} ORDER BY id` },
  { name: "one person's audit trail", query: sql`SELECT * FROM audit_log WHERE person_keys @> ARRAY[${'k'}]::text[] ORDER BY id DESC LIMIT 100` },
  { name: 'log-in throttle for an account and address', query: sql`SELECT count(*) FROM login_failures WHERE account_key = ${'a'} AND ip = ${'1.2.3.4'} AND failed_at > ${NOW}` },
  ...RETENTION_RULES.map((rule) => ({
    name: `retention: ${rule.table} (${rule.what})`,
    query: sql`SELECT ctid FROM ${sql.table(rule.table)} WHERE ${sql.raw(rule.after)} < ${cutoffOf(rule, NOW)}${rule.extra ? sql` AND ${sql.raw(rule.extra)}` : sql``} LIMIT 5000`,
  })),
];

describe('the plan reader', () => {
  it('finds a sequential scan however deep it sits', () => {
    const plan: PlanNode = { 'Node Type': 'Limit', Plans: [{ 'Node Type': 'Nested Loop', Plans: [{ 'Node Type': 'Index Scan', 'Relation Name': 'orders' }, { 'Node Type': 'Seq Scan', 'Relation Name': 'jobs' }] }] };
    expect(seqScans(plan)).toEqual(['jobs']);
  });
});

describe.each(testDatabases())('query plans on $kind', (factory) => {
  let database: Database;
  beforeAll(async () => {
    database = await factory.open();
    await migrate(database.db);
    // A table with rows in it, as in production: finished jobs far outnumber due ones.
    await sql`INSERT INTO jobs (name, payload, run_at, status, created_at, finished_at)
      SELECT 'seeded', '{}'::jsonb, ${NOW}::timestamptz - (g || ' minutes')::interval, 'done', ${NOW}, ${NOW}
        FROM generate_series(1, 5000) AS g`.execute(database.db);
    await sql`ANALYZE`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  const planOf = async (query: RawBuilder<unknown>): Promise<PlanNode> =>
    database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_seqscan = off`.execute(tx);
      const result = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>`EXPLAIN (FORMAT JSON) ${query}`.execute(tx);
      return result.rows[0]!['QUERY PLAN'][0].Plan;
    });

  it('shows a scan where no index serves the condition (the check can fail)', async () => {
    expect(seqScans(await planOf(sql`SELECT * FROM jobs WHERE last_error = ${'x'}`))).toEqual(['jobs']);
  });

  it.each(HOT_PATHS)('$name uses an index', async ({ query }) => {
    const plan = await planOf(query);
    expect(seqScans(plan)).toEqual([]);
  });
});

import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scheduleNextRetention } from '../src/housekeeping/index.ts';
import { testDatabases } from './support/databases.ts';
import { applicantClient, preparedOrder } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

const DAY_HOURS = 24;

/** Every stored file under the platform's data dir (named by its address; not the store's clock probe). */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Files are judged old by the store's own clock (they race real uploads): make them two hours old by it. */
async function ageFiles(platform: TestPlatform, dataDir: string): Promise<void> {
  const hourAgo = new Date((await platform.ctx.files.now()).getTime() - 2 * 3600_000);
  for (const path of storedFiles(dataDir)) utimesSync(path, hourAgo, hourAgo);
}

describe.each(testDatabases())('data lifecycle on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('runs nightly and removes ended sessions, old request keys and finished jobs, but never the audit log', async () => {
    const owner = await applicantClient(platform);
    const order = await owner.post('/api/v1/orders', { draft: {} }, { headers: { 'idempotency-key': 'create-once' } });
    const db = platform.ctx.db;
    const countOf = async (table: 'sessions' | 'idempotency_keys' | 'audit_log' | 'login_failures') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await owner.post('/api/v1/auth/login', { email: 'owner@example.com', password: 'wrong password!' });
    expect(await countOf('login_failures')).toBeGreaterThan(0);
    const auditBefore = await countOf('audit_log');

    await scheduleNextRetention(platform.ctx);
    await platform.advance(40 * DAY_HOURS);

    expect(await countOf('sessions')).toBe(0);
    expect(await countOf('idempotency_keys')).toBe(0);
    expect(await countOf('login_failures')).toBe(0);
    expect(await countOf('audit_log')).toBeGreaterThan(auditBefore);
    const run = await db.selectFrom('audit_log').select(['data']).where('action', '=', 'retention_run').orderBy('at', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(run.data)).toContain('sessions');
    // Each run books the next one: one pending retention job, for a later night.
    const pending = await db.selectFrom('jobs').select(['run_at']).where('name', '=', 'housekeeping.retention').where('status', '=', 'pending').execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.run_at.getTime()).toBeGreaterThan(platform.clock.now().getTime());
    // The last run was a day before the one booked: nothing it saw had finished more than 30 days before it.
    const lastRun = pending[0]!.run_at.getTime() - 24 * 3600_000;
    const done = await db.selectFrom('jobs').select('id').where('status', '=', 'done').where('finished_at', '<', new Date(lastRun - 30 * 24 * 3600_000)).execute();
    expect(done).toEqual([]);
    expect(await db.selectFrom('jobs').select('id').where('status', '=', 'done').execute()).not.toEqual([]);
    // The order itself is the applicant's record, not something retention removes (the 45-day expiry does, elsewhere).
    expect(order.statusCode).toBe(201);
  });

  it('deletes the scans of an abandoned order a month later, and keeps those of a live order', async () => {
    const owner = await applicantClient(platform);
    const abandoned = await preparedOrder(owner);
    expect((await owner.post(`/api/v1/orders/${abandoned}/abandon`)).statusCode).toBe(200);
    const other = await applicantClient(platform, 'second@example.com');
    // A different photo, so the two orders do not share one content-addressed file.
    const live = await other.post('/api/v1/orders', { draft: {} });
    const { colourJpeg } = await import('./support/images.ts');
    const upload = await other.upload(`/api/v1/orders/${live.json().id}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'scan.jpg', type: 'image/jpeg', bytes: await colourJpeg(700, 500, 99) });
    expect(upload.statusCode, upload.body).toBe(201);
    const before = storedFiles(platform.dataDir);
    expect(before.length).toBeGreaterThanOrEqual(2);
    await ageFiles(platform, platform.dataDir);

    await scheduleNextRetention(platform.ctx);
    await platform.advance(2 * DAY_HOURS);
    expect(storedFiles(platform.dataDir)).toEqual(before);

    await platform.advance(30 * DAY_HOURS);
    const after = storedFiles(platform.dataDir);
    expect(after).toHaveLength(1);
    const kept = await platform.ctx.db.selectFrom('order_materials').select(['order_id', 'sha256']).execute();
    expect(kept).toEqual([{ order_id: live.json().id, sha256: after[0]!.slice(after[0]!.lastIndexOf('/') + 1) }]);
    expect(statSync(after[0]!).size).toBeGreaterThan(0);
    expect((await owner.get(`/api/v1/orders/${abandoned}`)).json().status).toBe('abandoned');
  });
});

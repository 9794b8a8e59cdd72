import { afterEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/core/audit.ts';
import { recordSweepObservations } from '../src/compliance/index.ts';
import { runSweepCommand } from '../src/cli/sweep.ts';
import { createPlatform } from '../src/platform.ts';
import { testDatabases, type TestDatabaseFactory } from './support/databases.ts';
import { OWNER, filedSubjectOf } from './support/compliance.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';
import { startSilentResolver, startUnbound, type RunningUnbound, type ZoneRecords } from './support/unbound.ts';

const SUBJECT = '浙ICP备2026051234号';
const ACCESS = '47.96.0.0/16';
// Three connected domains: one served here, one whose www. points abroad (a shell site), one with no records.
const ZONE: ZoneRecords = {
  'yunqi-demo.cn': { a: ['47.96.0.10'] },
  'www.yunqi-demo.cn': { a: ['47.96.0.10'], aaaa: [] },
  'yunqi-shop.cn': { a: ['47.96.0.11'] },
  'www.yunqi-shop.cn': { a: ['203.0.113.9'] },
  'yunqi-none.cn': {},
};
const FIXED_ZONE: ZoneRecords = { ...ZONE, 'www.yunqi-shop.cn': { a: ['47.96.0.11'] } };

type Sweep = { id: string; kind: string; status: string; total: number; done: number; findings: number; failed: number; closed: number };

describe.each(testDatabases())('compliance sweeps (DNS shell sites) against a real unbound on $kind', { timeout: 180_000 }, (factory: TestDatabaseFactory) => {
  let platform: TestPlatform | undefined;
  let dns: RunningUnbound | undefined;
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await platform?.stop();
    await dns?.stop();
    platform = undefined;
    dns = undefined;
  });

  async function start(resolver: string, env: Record<string, string> = {}): Promise<{ compliance: TestClient; p: TestPlatform }> {
    // Generous time-outs: a loaded machine must not turn a slow answer from unbound into a failed check.
    platform = await startTestPlatform(factory, { OPENBEIAN_DNS_RESOLVER: resolver, OPENBEIAN_ACCESS_CIDRS: ACCESS, OPENBEIAN_DNS_TIMEOUT_MS: '2000', OPENBEIAN_DNS_TRIES: '2', ...env });
    await applicantClient(platform, OWNER);
    await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn', 'yunqi-shop.cn', 'yunqi-none.cn']);
    return { compliance: await staffClient(platform, 'compliance@example.com'), p: platform };
  }

  const sweepOf = async (client: TestClient, id: string) => (await client.get(`/api/v1/compliance/sweeps/${id}`)).json() as Sweep;
  const openFindings = async (client: TestClient) =>
    (await client.get('/api/v1/compliance/findings?status=open')).json().items as { code: string; domain: string; serviceNumber: string; evidence: Record<string, unknown> }[];

  it('opens SHELL_SITE with the answers for a domain resolving abroad, and closes it once the zone is fixed', async () => {
    dns = await startUnbound(ZONE);
    const { compliance, p } = await start(dns.address);

    const started = await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' });
    expect(started.statusCode).toBe(202);
    const first = started.json() as Sweep;
    expect(first).toMatchObject({ kind: 'dns', status: 'queued', total: 3, done: 0 });
    await p.drain();
    expect(await sweepOf(compliance, first.id)).toMatchObject({ status: 'done', total: 3, done: 3, findings: 1, failed: 0, closed: 0 });
    expect(await openFindings(compliance)).toEqual([
      expect.objectContaining({
        code: 'SHELL_SITE',
        domain: 'yunqi-shop.cn',
        serviceNumber: `${SUBJECT}-2`,
        evidence: { name: 'www.yunqi-shop.cn', answers: ['203.0.113.9'], outside: ['203.0.113.9'], resolver: dns.address, accessCidrs: [ACCESS] },
      }),
    ]);

    // Seen again by the next sweep: the same finding stays open, with fresh evidence and a later last-seen time.
    const [before] = (await compliance.get('/api/v1/compliance/findings?status=open')).json().items as { id: string; lastSeenAt: string }[];
    await p.advance(1);
    const again = (await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' })).json() as Sweep;
    await p.drain();
    expect(await sweepOf(compliance, again.id)).toMatchObject({ status: 'done', done: 3, findings: 0, closed: 0 });
    const [seenAgain] = (await compliance.get('/api/v1/compliance/findings?status=open')).json().items as { id: string; lastSeenAt: string; evidence: unknown }[];
    expect(seenAgain).toMatchObject({ id: before!.id, evidence: expect.objectContaining({ answers: ['203.0.113.9'] }) });
    expect(Date.parse(seenAgain!.lastSeenAt)).toBeGreaterThan(Date.parse(before!.lastSeenAt));

    // The owner points www. back at the provider; once the old answer's TTL (300 s) has passed, the next sweep sees it.
    const port = dns.port;
    await dns.stop();
    dns = await startUnbound(FIXED_ZONE, { port });
    await p.advance(1);
    const second = (await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' })).json() as Sweep;
    expect(second.id).not.toBe(first.id);
    await p.drain();
    expect(await sweepOf(compliance, second.id)).toMatchObject({ status: 'done', done: 3, findings: 0, closed: 1 });
    expect(await openFindings(compliance)).toEqual([]);
    const list = (await compliance.get('/api/v1/compliance/sweeps')).json() as { items: Sweep[]; kinds: { kind: string; isConfigured: boolean }[] };
    expect(list.items.map((s) => s.id)).toEqual([second.id, again.id, first.id]);
    expect(list.kinds.find((k) => k.kind === 'dns')).toMatchObject({ isConfigured: true });
  });

  it('records a resolver that never answers as failed checks, and neither opens nor closes a finding', async () => {
    const silent = await startSilentResolver();
    cleanups.push(() => silent.stop());
    const { compliance, p } = await start(silent.address, { OPENBEIAN_DNS_TIMEOUT_MS: '200', OPENBEIAN_DNS_TRIES: '1' });
    // A shell site found earlier stays open: a time-out is not evidence that it was fixed.
    await p.ctx.db.transaction().execute((tx) =>
      recordSweepObservations(tx, p.ctx.clock.now(), SYSTEM_ACTOR, { kind: 'dns', id: null }, [
        { domain: 'yunqi-shop.cn', subjectNumber: SUBJECT, serviceNumber: `${SUBJECT}-2`, outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: { name: 'www.yunqi-shop.cn', answers: ['203.0.113.9'] } }] },
      ]),
    );

    const sweep = (await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' })).json() as Sweep;
    await p.drain();
    expect(await sweepOf(compliance, sweep.id)).toMatchObject({ status: 'done', total: 3, done: 3, failed: 3, findings: 0, closed: 0 });
    expect((await openFindings(compliance)).map((f) => f.domain)).toEqual(['yunqi-shop.cn']);
  });

  it('resumes after a restart from its cursor, and a second start joins the running sweep', async () => {
    dns = await startUnbound(ZONE);
    const { compliance, p } = await start(dns.address, { OPENBEIAN_SWEEP_BATCH_SIZE: '1' });
    const sweep = (await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' })).json() as Sweep;

    // One batch, then the process goes away.
    await p.ctx.jobs.runDue(1);
    expect(await sweepOf(compliance, sweep.id)).toMatchObject({ status: 'running', total: 3, done: 1 });
    const again = await compliance.post('/api/v1/compliance/sweeps', { kind: 'dns' });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ id: sweep.id, status: 'running', done: 1 });
    await p.app.close();

    // A new process on the same database finishes from the cursor: each domain checked once.
    const restarted = await createPlatform(p.ctx.config, { database: { ...p.ctx.database, close: async () => undefined }, clock: p.clock, background: false });
    cleanups.push(() => restarted.stop());
    const { drainBackgroundWork } = await import('../src/core/context.ts');
    await drainBackgroundWork(restarted.ctx);
    const after = await restarted.ctx.db.selectFrom('compliance_sweeps').selectAll().where('id', '=', sweep.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'done', total: 3, done: 3, failed: 0, findings: 1 });
    const findings = await restarted.ctx.db.selectFrom('compliance_findings').select(['domain', 'sweep_id']).where('status', '=', 'open').execute();
    expect(findings).toEqual([{ domain: 'yunqi-shop.cn', sweep_id: sweep.id }]);
    // Its status changes are in the audit log: queued → running → done.
    const audit = await restarted.ctx.db.selectFrom('audit_log').select(['from_status', 'to_status']).where('entity_type', '=', 'compliance_sweep').where('entity_id', '=', sweep.id).orderBy('id').execute();
    expect(audit).toEqual([
      { from_status: null, to_status: 'queued' },
      { from_status: 'queued', to_status: 'running' },
      { from_status: 'running', to_status: 'done' },
    ]);
  });

  it('runs a sweep from the CLI to the end with progress lines and a summary', async () => {
    dns = await startUnbound(ZONE);
    const { p } = await start(dns.address, { OPENBEIAN_SWEEP_BATCH_SIZE: '2' });
    const lines: string[] = [];
    expect(await runSweepCommand(p.ctx.config, ['dns'], (line) => lines.push(line), p.ctx.database)).toBe(0);
    expect(lines[0]).toMatch(/^sweep dns: started [0-9a-f-]{36}, 3 domain\(s\)$/);
    expect(lines.slice(1)).toEqual(['2/3', '3/3', 'sweep dns done: checked 3, failed 0, opened 1, closed 0']);
    // The batch job the start scheduled was taken over by the CLI: nothing is left for a server to run.
    await p.drain();
    expect(await p.ctx.db.selectFrom('compliance_sweeps').select(['done', 'findings']).execute()).toEqual([{ done: 3, findings: 1 }]);
  });

  it('lets only compliance and admin staff start or read sweeps, names a bad kind, and answers SWEEP_NOT_CONFIGURED without access networks', async () => {
    platform = await startTestPlatform(factory, {});
    const p = platform;
    const owner = await applicantClient(p, OWNER);
    const reviewer = await staffClient(p, 'reviewer@example.com');
    for (const client of [owner, reviewer]) {
      expect((await client.post('/api/v1/compliance/sweeps', { kind: 'dns' })).statusCode).toBe(403);
      expect((await client.get('/api/v1/compliance/sweeps')).statusCode).toBe(403);
    }
    const admin = await staffClient(p, 'admin@example.com');
    const bad = await admin.post('/api/v1/compliance/sweeps', { kind: 'whois' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('body.kind');

    const unconfigured = await admin.post('/api/v1/compliance/sweeps', { kind: 'dns' });
    expect(unconfigured.statusCode).toBe(503);
    expect(unconfigured.json().error).toMatchObject({ code: 'SWEEP_NOT_CONFIGURED', message: { zh: expect.stringContaining('未配置'), en: expect.stringContaining('not configured') }, details: { kind: 'dns', setting: 'OPENBEIAN_ACCESS_CIDRS' } });
    const list = (await admin.get('/api/v1/compliance/sweeps')).json();
    expect(list).toMatchObject({ items: [], kinds: expect.arrayContaining([{ kind: 'dns', isConfigured: false, setting: 'OPENBEIAN_ACCESS_CIDRS' }]) });
    expect(await p.ctx.db.selectFrom('compliance_sweeps').selectAll().execute()).toEqual([]);
  });
});

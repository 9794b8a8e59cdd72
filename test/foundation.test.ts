import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { enqueueEvent } from '../src/core/outbox.ts';
import { writeAudit, SYSTEM_ACTOR } from '../src/core/audit.ts';
import { migrate } from '../src/core/db/migrate.ts';
import { DEMO_PASSWORD, seedDemoAccounts } from '../src/accounts/index.ts';
import { testDatabases } from './support/databases.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';
import { registerVerified, verificationToken } from './support/journey.ts';

describe.each(testDatabases())('foundation on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('answers health with the database kind and serves the OpenAPI document and its browser', async () => {
    const client = platform.client();
    const health = await client.get('/api/v1/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: factory.kind });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-request-id']).toBeTruthy();

    const openapi = await client.get('/api/v1/openapi.json');
    expect(openapi.json().openapi).toBe('3.0.3');
    expect(Object.keys(openapi.json().paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login']));
    const docs = await client.get('/docs');
    expect([200, 302]).toContain(docs.statusCode);
    const metrics = await client.get('/metrics');
    expect(metrics.body).toContain('openbeian_http_request_duration_seconds');
  });

  it('migrates forward only and a second run applies nothing', async () => {
    const again = await migrate(platform.ctx.db);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it('registers, logs in with a rotated httpOnly cookie, and logs out', async () => {
    const client = platform.client();
    const registered = await client.post('/api/v1/auth/register', { email: 'Owner@Example.com', password: 'correct horse' });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ email: 'owner@example.com', role: 'applicant', verificationRequired: true });
    // Usable once the link in the e-mail is opened.
    expect((await client.login('owner@example.com', 'correct horse')).statusCode).toBe(401);
    expect((await client.post('/api/v1/auth/verify-email', { token: await verificationToken(client, 'owner@example.com') })).statusCode).toBe(200);

    const first = await client.login('owner@example.com', 'correct horse');
    expect(first.statusCode).toBe(200);
    const cookieHeader = String(first.headers['set-cookie']);
    expect(cookieHeader).toMatch(/HttpOnly/);
    expect(cookieHeader).toMatch(/SameSite=Lax/);
    // Twelve hours on the browser's own clock, whatever the (virtual) application clock says the date is.
    expect(cookieHeader).toMatch(/Max-Age=43200/);
    expect(cookieHeader).not.toMatch(/Expires=/);
    const firstToken = (first.cookies as { value: string }[])[0]!.value;

    const second = await client.login('owner@example.com', 'correct horse');
    const secondToken = (second.cookies as { value: string }[])[0]!.value;
    expect(secondToken).not.toBe(firstToken);
    // The old session id no longer works.
    const stale = await platform.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `ob_session=${firstToken}` } });
    expect(stale.statusCode).toBe(401);

    expect((await client.get('/api/v1/auth/me')).json().email).toBe('owner@example.com');
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers a taken e-mail like a new one, and refuses bad input with the field named in Chinese and English', async () => {
    const client = platform.client();
    await registerVerified(client, 'a@example.com', 'long enough now');
    const duplicate = await client.post('/api/v1/auth/register', { email: 'a@example.com', password: 'another long one' });
    const fresh = await client.post('/api/v1/auth/register', { email: 'b@example.com', password: 'another long one' });
    expect(duplicate.statusCode).toBe(201);
    expect(duplicate.json()).toEqual({ ...fresh.json(), email: 'a@example.com' });
    const mail = (await client.get('/api/v1/dev/outbox?to=a@example.com')).json().items as { template: string }[];
    expect(mail.map((m) => m.template)).toContain('account.registration_attempted');
    expect((await client.login('a@example.com', 'another long one')).statusCode).toBe(401);

    const bad = await client.post('/api/v1/auth/register', { email: 'not-an-email', password: 'short' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields as { path: string; message: { zh: string; en: string } }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['body.email', 'body.password']);
    expect(fields[0]!.message.zh).toMatch(/body\./);

    const garbage = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('slows a guesser with growing delays while the owner logs in from another address', async () => {
    const client = platform.client();
    await registerVerified(client, 'victim@example.com', 'the real one');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await client.login('victim@example.com', 'guess ' + attempt)).statusCode).toBe(401);
    }
    const sixth = await client.login('victim@example.com', 'guess 6');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe('60');
    // The owner, elsewhere, is not locked out.
    const owner = await client.request('POST', '/api/v1/auth/login', { email: 'victim@example.com', password: 'the real one' }, { remoteAddress: '10.9.9.9' });
    expect(owner.statusCode).toBe(200);
    // The guesser's next try waits a minute, the one after two.
    platform.clock.advance(61_000);
    expect((await client.login('victim@example.com', 'guess 7')).statusCode).toBe(401);
    expect((await client.login('victim@example.com', 'guess 8')).headers['retry-after']).toBe('120');
  });

  it('slows one address guessing across accounts without shutting it out', async () => {
    const client = platform.client();
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      expect((await client.login(`nobody${attempt}@example.com`, 'whatever1')).statusCode).toBe(401);
    }
    const limited = await client.login('nobody31@example.com', 'whatever1');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(2);
    const elsewhere = await client.request('POST', '/api/v1/auth/login', { email: 'nobody31@example.com', password: 'whatever1' }, { remoteAddress: '10.9.9.9' });
    expect(elsewhere.statusCode).toBe(401);
    platform.clock.advance(2_000);
    expect((await client.login('nobody31@example.com', 'whatever1')).statusCode).toBe(401);
  });

  it('seeds the demo accounts idempotently, each able to log in', async () => {
    expect(await seedDemoAccounts(platform.ctx)).toHaveLength(5);
    expect(await seedDemoAccounts(platform.ctx)).toHaveLength(0);
    const reviewer = await platform.client().login('reviewer@example.com', DEMO_PASSWORD);
    expect(reviewer.json().role).toBe('reviewer');
  });

  it('writes the outbox event and the audit row atomically with the change', async () => {
    const { db, clock } = platform.ctx;
    const at = clock.now();
    await expect(
      db.transaction().execute(async (tx) => {
        await writeAudit(tx, SYSTEM_ACTOR, at, { entityType: 'order', entityId: 'o-1', action: 'submit', fromStatus: 'draft', toStatus: 'provider_review' });
        await enqueueEvent(tx, at, { topic: 'order.submitted', aggregateType: 'order', aggregateId: 'o-1', payload: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('audit_log').selectAll().where('entity_id', '=', 'o-1').execute()).toEqual([]);

    await db.transaction().execute(async (tx) => {
      await writeAudit(tx, SYSTEM_ACTOR, at, { entityType: 'order', entityId: 'o-2', action: 'submit' });
      await enqueueEvent(tx, at, { topic: 'order.submitted', aggregateType: 'order', aggregateId: 'o-2', payload: { n: 1 } });
    });
    const seen: string[] = [];
    platform.ctx.outbox.on('order.submitted', 'test.seen', async (event) => {
      seen.push(event.aggregateId);
    });
    expect(await platform.ctx.outbox.dispatchPending()).toBe(1);
    expect(await platform.ctx.outbox.dispatchPending()).toBe(0);
    expect(seen).toEqual(['o-2']);
  });

  it('retries a failing outbox handler later instead of losing the event', async () => {
    const { db, clock, outbox } = platform.ctx;
    await enqueueEvent(db, clock.now(), { topic: 'flaky', aggregateType: 'x', aggregateId: '1', payload: {} });
    let calls = 0;
    outbox.on('flaky', 'test.flaky', async () => {
      calls += 1;
      if (calls === 1) throw new Error('gateway down');
    });
    await outbox.dispatchPending();
    const failed = await db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ processed_at: null, attempts: 1, last_error: 'gateway down' });
    expect(await outbox.dispatchPending()).toBe(0); // backing off
    platform.clock.advance(61_000);
    expect(await outbox.dispatchPending()).toBe(1);
    expect(calls).toBe(2);
  });

  it('never runs one job twice when two workers claim at the same time', async () => {
    const { db, clock, jobs } = platform.ctx;
    const { JobRunner } = await import('../src/core/jobs.ts');
    const { scheduleJob } = await import('../src/core/jobs.ts');
    for (let i = 0; i < 30; i += 1) await scheduleJob(db, clock.now(), { name: 'count', payload: { i }, runAt: clock.now() });
    const runs: number[] = [];
    const second = new JobRunner(db, clock, platform.ctx.logger);
    for (const runner of [jobs, second]) {
      runner.register('count', async (payload) => {
        runs.push(payload.i as number);
      });
    }
    const [a, b] = await Promise.all([jobs.runDue(), second.runDue()]);
    expect(a + b).toBe(30);
    expect(runs.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    const statuses = await db.selectFrom('jobs').select(sql<string>`status`.as('status')).execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['done']));
  });

  it('holds a running job on a lease of the database clock: a worker a day ahead leaves it, until the lease ran out', async () => {
    const { db, clock, jobs, logger } = platform.ctx;
    const { JobRunner, scheduleJob } = await import('../src/core/jobs.ts');
    const { VirtualClock } = await import('../src/core/clock.ts');
    const runs: string[] = [];
    let started!: () => void;
    let finish!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const isFinished = new Promise<void>((resolve) => (finish = resolve));
    jobs.register('slow', async () => {
      runs.push('first');
      started();
      await isFinished;
    });
    // A second process on the same database, its (shared demo) clock a day ahead of the first's.
    const dayAhead = new JobRunner(db, new VirtualClock(clock, new Date(clock.now().getTime() + 86_400_000)), logger);
    dayAhead.register('slow', async () => {
      runs.push('second');
    });
    await scheduleJob(db, clock.now(), { name: 'slow', runAt: clock.now() });
    const running = jobs.runDue();
    await isStarted;
    expect(await dayAhead.runDue()).toBe(0);
    // As if the first process died while running it: its lease runs out on the database clock.
    await sql`UPDATE jobs SET locked_until = now() - interval '1 second' WHERE name = 'slow'`.execute(db);
    expect(await dayAhead.runDue()).toBe(1);
    expect(runs).toEqual(['first', 'second']);
    const job = await db.selectFrom('jobs').select(['status', 'attempts', 'locked_by']).where('name', '=', 'slow').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'done', attempts: 2, locked_by: dayAhead.workerId });
    finish();
    await running;
  });

  it('retries a failed job with backoff on the application clock', async () => {
    const { db, clock, jobs } = platform.ctx;
    const { scheduleJob } = await import('../src/core/jobs.ts');
    let attempts = 0;
    jobs.register('flaky-job', async () => {
      attempts += 1;
      if (attempts < 2) throw new Error('not yet');
    });
    await scheduleJob(db, clock.now(), { name: 'flaky-job', runAt: clock.now(), dedupeKey: 'flaky-1' });
    await scheduleJob(db, clock.now(), { name: 'flaky-job', runAt: clock.now(), dedupeKey: 'flaky-1' });
    expect(await jobs.runDue()).toBe(1);
    expect(await jobs.runDue()).toBe(0);
    platform.clock.advance(31_000);
    expect(await jobs.runDue()).toBe(1);
    expect(attempts).toBe(2);
  });

  it('moves the virtual clock through the dev endpoint', async () => {
    const before = platform.clock.now().getTime();
    const response = await platform.client().post('/api/v1/dev/clock/advance', { hours: 25 });
    expect(response.statusCode).toBe(200);
    expect(Date.parse(response.json().now) - before).toBeGreaterThanOrEqual(25 * 3600_000);
  });

  it('answers an unexpected failure with a 500 that names only the request id', async () => {
    const { buildApp } = await import('../src/http/app.ts');
    const app = await buildApp(platform.ctx, [
      (instance) => {
        instance.get('/api/v1/test/explode', async () => {
          throw new Error('password=hunter2 at /srv/secret/path.ts:12');
        });
      },
    ]);
    const response = await app.inject({ method: 'GET', url: '/api/v1/test/explode', headers: { 'x-request-id': 'req-12345678' } });
    await app.close();
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: { zh: expect.any(String), en: expect.any(String) }, requestId: 'req-12345678' } });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('/srv/');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await platform.client().get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

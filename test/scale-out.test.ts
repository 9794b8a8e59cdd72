import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres, type Database } from '../src/core/db/database.ts';
import { SOURCE_SERVE, startServer, type RunningServer } from './support/built-server.ts';
import { buildDraft } from './support/drafts.ts';
import { HttpClient, type Answer } from './support/http-client.ts';
import { colourJpeg } from './support/images.ts';
import { freePort, pollUntil, startNginx } from './support/nginx.ts';
import { adminUrl, withDatabase } from './support/postgres-url.ts';
import { writeLoadBalancerConfig } from './support/scale-out.ts';
import { startSignedSmsGateway, startSmtpServer } from './support/vendor-stubs.ts';

// Scale-out for real: two `openbeian serve` processes (test mode, the built-in regulator simulator, background work on
// in both) on one fresh PostgreSQL database and one shared OPENBEIAN_DATA_DIR, behind a real nginx doing round robin;
// a third process with OPENBEIAN_BACKGROUND=off serves HTTP only. SMS go to a signed gateway and mail to an SMTP server
// on 127.0.0.1, so what reaches people is counted where it arrives. The demo clock is shared through the database
// (src/core/shared-clock.ts): moving it through either process moves it for all three.

const postgresUrl = process.env.DATABASE_URL;
const hasNginx = existsSync('/usr/sbin/nginx');
const DEMO_PASSWORD = 'openbeian-demo';
const SMS_KEY = 'scale-out-sms-gateway-key';
const START_TIMEOUT_MS = 240_000;

describe.skipIf(!postgresUrl || !hasNginx)('two processes behind nginx on one PostgreSQL (needs DATABASE_URL and /usr/sbin/nginx)', () => {
  const database = `openbeian_scaleout_${randomBytes(5).toString('hex')}`;
  let dataDir = '';
  let nginxDir = '';
  const processes = {} as { a: RunningServer; b: RunningServer; httpOnly: RunningServer };
  const stubs = {} as { sms: Awaited<ReturnType<typeof startSignedSmsGateway>>; smtp: Awaited<ReturnType<typeof startSmtpServer>> };
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  let store: Database;
  let lb: string;
  let filed: { subjectNumber: string; serviceNumber: string };
  const upstreamOf = (server: RunningServer) => server.url.replace('http://', '');
  const bothProcesses = () => [processes.a, processes.b];
  const everyProcess = () => [processes.a, processes.b, processes.httpOnly];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-scaleout-data-'));
    nginxDir = mkdtempSync(join(tmpdir(), 'openbeian-scaleout-nginx-'));
    const admin = await openPostgres(adminUrl(postgresUrl!), 1);
    await admin.pool.query(`CREATE DATABASE ${database}`);
    await admin.close();
    store = await openPostgres(withDatabase(postgresUrl!, database), 2);
    stubs.sms = await startSignedSmsGateway(SMS_KEY);
    stubs.smtp = await startSmtpServer();
    const lbPort = await freePort();
    lb = `http://127.0.0.1:${lbPort}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      // Test mode: demo mode would also build the web console in each process (three vite builds), unused here.
      OPENBEIAN_MODE: 'test',
      OPENBEIAN_SEED_DEMO: 'true',
      HOST: '127.0.0.1',
      DATABASE_URL: withDatabase(postgresUrl!, database),
      OPENBEIAN_DATA_DIR: dataDir,
      OPENBEIAN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      OPENBEIAN_LOOKUP_KEY: randomBytes(32).toString('hex'),
      OPENBEIAN_PUBLIC_URL: lb,
      OPENBEIAN_SMS: 'signed',
      OPENBEIAN_SMS_URL: stubs.sms.url,
      OPENBEIAN_SMS_KEY: SMS_KEY,
      OPENBEIAN_SMS_KEY_ID: 'scale-out',
      OPENBEIAN_SMS_SIGN_NAME: '示例云',
      OPENBEIAN_SMS_TEMPLATES: '*=SMS_100',
      OPENBEIAN_MAIL: 'smtp',
      OPENBEIAN_SMTP_URL: stubs.smtp.url,
      LOG_LEVEL: 'info',
    };
    // Started at the same moment on an empty database, as a deploy would: each migrates and seeds the demo accounts.
    // Three TypeScript processes booting at once on a shared 2-core machine: minutes, not seconds, when it is busy.
    const started = await Promise.allSettled([
      startServer(env, SOURCE_SERVE, START_TIMEOUT_MS),
      startServer(env, SOURCE_SERVE, START_TIMEOUT_MS),
      startServer({ ...env, OPENBEIAN_BACKGROUND: 'off' }, SOURCE_SERVE, START_TIMEOUT_MS),
    ]);
    [processes.a, processes.b, processes.httpOnly] = started.map((result) => (result.status === 'fulfilled' ? result.value : undefined)) as [RunningServer, RunningServer, RunningServer];
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    writeLoadBalancerConfig(nginxDir, lbPort, bothProcesses().map((server) => Number(new URL(server.url).port)));
    nginx = await startNginx(nginxDir, lbPort);
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(Object.values(processes).map((server) => server?.stop()));
    await Promise.all([stubs.sms?.close(), stubs.smtp?.close()]);
    await store?.close();
    const admin = await openPostgres(adminUrl(postgresUrl!), 1);
    await admin.pool.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
  });

  it('spreads requests over both processes, which agree on the (shared) demo clock', async () => {
    const servedBy = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const health = await fetch(`${lb}/api/v1/health`);
      expect(health.status).toBe(200);
      servedBy.add(health.headers.get('x-upstream') ?? '');
    }
    expect([...servedBy].sort()).toEqual(bothProcesses().map(upstreamOf).sort());

    const moved = await fetch(`${lb}/api/v1/dev/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours: 1 }) });
    expect(moved.status).toBe(200);
    const offsets = await Promise.all(everyProcess().map(async (server) => ((await (await fetch(`${server.url}/api/v1/dev/clock`)).json()) as { offsetHours: number }).offsetHours));
    // An hour on (less the moment the move itself took), the same to the millisecond in all three.
    expect(offsets[0]).toBeCloseTo(1, 2);
    for (const offset of offsets) expect(Math.abs(offset - offsets[0]!) * 3600_000).toBeLessThan(1);
  });

  it('files, approves and revokes through both: files, SMS, clock, index and allowlist shared', async () => {
    const [a, b] = bothProcesses() as [RunningServer, RunningServer];
    const applicant = new HttpClient(lb);
    const email = 'owner@scale-out.test';
    expect((await applicant.post('/api/v1/auth/register', { email, password: 'correct horse' })).status).toBe(201);
    const welcome = await stubs.smtp.inbox.waitFor('the verification e-mail', (m) => m.to.includes(email) && m.text.includes('/verify-email?token='));
    const token = decodeURIComponent(/verify-email\?token=(\S+)/.exec(welcome.text)![1]!);
    expect((await applicant.post('/api/v1/auth/verify-email', { token })).status).toBe(200);
    expect((await applicant.logIn(email, 'correct horse')).status).toBe(200);

    const draft = datedFrom(buildDraft({ domain: 'scale-out-demo.cn' }), await clockOf(lb));
    const created = await applicant.post('/api/v1/orders', { draft });
    expect(created.status, created.text).toBe(201);
    const id = created.json<{ id: string }>().id;

    // One material through each process, into the one shared data directory; each is read back through the other.
    // Two different scans (files are content-addressed: the same bytes would be one file).
    const uploads: { materialId: string; via: RunningServer }[] = [];
    for (const [kind, appliesTo, via, seed] of [['subject_certificate', 'subject', a, 7], ['subject_leader_id', 'subject.leader', b, 11]] as const) {
      const scan = await colourJpeg(700, 500, seed);
      const upload = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind, appliesTo }, { name: 'scan.jpg', type: 'image/jpeg', bytes: scan }, { base: via.url });
      expect(upload.status, upload.text).toBe(201);
      uploads.push({ materialId: upload.json<{ id: string }>().id, via });
    }
    for (const { materialId, via } of uploads) {
      const other = via === a ? b : a;
      const download = await applicant.get(`/api/v1/orders/${id}/materials/${materialId}/file`, { base: other.url });
      expect(download.status, `material uploaded through ${via.url}, read through ${other.url}`).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/jpeg');
    }
    const face = await applicant.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'me.jpg', type: 'image/jpeg', bytes: await colourJpeg(640, 480, 3) });
    expect(face.json<{ outcome: string }>().outcome, face.text).toBe('passed');

    const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'scale-out-submit-1' } });
    expect(submit.status, submit.text).toBe(200);
    const submittedBy = submit.headers.get('x-upstream');
    // The reviewer works on the process that did not take the submission.
    const reviewerProcess = submittedBy === upstreamOf(a) ? b : a;
    const reviewer = new HttpClient(reviewerProcess.url);
    expect((await reviewer.logIn('reviewer@example.com', DEMO_PASSWORD)).status).toBe(200);
    const queue = await reviewer.get('/api/v1/review/queue');
    expect(queue.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toContain(id);
    expect((await reviewer.post(`/api/v1/review/${id}/claim`)).status).toBe(200);
    const approved = await reviewer.post(`/api/v1/review/${id}/approve`);
    expect(approved.json<{ status: string }>().status, approved.text).toBe('awaiting_regulator');

    // The provider forwards it, the regulator takes it in and texts the leader (a workday on, weekends skipped).
    await advanceUntil(applicant, id, 'sms_verification', 24);
    const mobile = draft.subject.leader.mobile;
    const text = await stubs.sms.accepted.waitFor('the regulator’s code', (m) => m.phoneNumber === mobile && /核验码为 \d{6}/.test(m.templateParam.text ?? ''));
    const code = /核验码为 (\d{6})/.exec(text.templateParam.text!)![1]!;
    const verified = await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code });
    expect(verified.status, verified.text).toBe(200);
    expect(await statusOf(applicant, id)).toBe('regulator_review');
    await advanceUntil(applicant, id, 'approved', 24 * 7);

    const order = (await applicant.get(`/api/v1/orders/${id}`)).json<{ numbers: { subject: string; services: { number: string }[] } }>();
    expect(order.numbers.subject).toMatch(/^浙ICP备\d{10}号$/);
    filed = { subjectNumber: order.numbers.subject, serviceNumber: order.numbers.services[0]!.number };

    // Every process, the HTTP-only one included, lets the new site through (its index follows LISTEN/NOTIFY).
    for (const server of everyProcess()) {
      const { value, ms } = await pollUntil(() => checkStatus(server.url, 'www.scale-out-demo.cn'), (status) => status === 204, 5000);
      expect(value, `${server.url} after ${Math.round(ms)} ms`).toBe(204);
    }
    expect(await checkStatus(lb, 'www.scale-out-demo.cn')).toBe(204);

    // The allowlist is the same list on both, and either recognises the other's ETag.
    const officer = new HttpClient(lb);
    expect((await officer.logIn('compliance@example.com', DEMO_PASSWORD)).status).toBe(200);
    const lists = await Promise.all(bothProcesses().map((server) => officer.get('/api/v1/enforcement/allowlist?format=text', { base: server.url })));
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(list.text).toContain('scale-out-demo.cn');
    }
    const etag = lists[0]!.headers.get('etag')!;
    expect(etag).toMatch(/^"feed-\d+-text"$/);
    expect(lists[1]!.headers.get('etag')).toBe(etag);
    for (const server of bothProcesses()) {
      expect((await officer.get('/api/v1/enforcement/allowlist?format=text', { base: server.url, headers: { 'if-none-match': etag } })).status, server.url).toBe(304);
    }

    // 取消接入 through one process: once it is recorded (201), every process refuses the site within a second.
    const revoked = await officer.post(`/api/v1/filings/${encodeURIComponent(filed.subjectNumber)}/access-revocations`, { services: [filed.serviceNumber], reason: '违规内容' }, { base: a.url });
    const revokedAt = performance.now();
    expect(revoked.status, revoked.text).toBe(201);
    for (const server of everyProcess()) {
      const { value } = await pollUntil(() => checkStatus(server.url, 'www.scale-out-demo.cn'), (status) => status === 403, 1000);
      const ms = performance.now() - revokedAt;
      expect(value, `${server.url} ${Math.round(ms)} ms after the revocation`).toBe(403);
      expect(ms).toBeLessThan(1000);
    }
    const after = await Promise.all(bothProcesses().map((server) => officer.get('/api/v1/enforcement/allowlist?format=text', { base: server.url, headers: { 'if-none-match': etag } })));
    for (const list of after) {
      expect(list.status).toBe(200);
      expect(list.text).not.toContain('scale-out-demo.cn');
    }
    expect(after[1]!.headers.get('etag')).toBe(after[0]!.headers.get('etag'));
  }, 300_000);

  it('counts failed log-ins on both processes against one limit', async () => {
    const guesser = new HttpClient(lb);
    const answers: Answer[] = [];
    for (let i = 0; i < 6; i += 1) answers.push(await guesser.post('/api/v1/auth/login', { email: 'applicant@example.com', password: `wrong guess ${i}` }));
    expect(new Set(answers.map((answer) => answer.headers.get('x-upstream'))).size).toBe(2);
    // Five failures of one account from one address are free, wherever they landed; the sixth waits.
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(Number(answers[5]!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The process that counted none of them itself refuses as well, and so does the right password from here.
    for (const server of bothProcesses()) {
      expect((await new HttpClient(server.url).post('/api/v1/auth/login', { email: 'applicant@example.com', password: DEMO_PASSWORD })).status, server.url).toBe(429);
    }
  });

  it('sends each message once across both processes; the HTTP-only process runs no background work', async () => {
    await quiet();
    const sms = await store.db.selectFrom('sent_messages').select(['id', 'status', 'attempts']).where('channel', '=', 'sms').execute();
    const mails = await store.db.selectFrom('sent_messages').select(['id', 'status', 'attempts']).where('channel', '=', 'email').execute();
    expect(sms.length).toBeGreaterThan(2);
    expect(mails.length).toBeGreaterThan(2);
    expect([...sms, ...mails].every((message) => message.status === 'sent')).toBe(true);
    // Each went out once: the gateway got every text once (outId is the message's id, the same on any retry) and the
    // SMTP server every mail once, each at the first attempt. The sender's lease is on the database's clock, so a
    // process ahead on the shared demo clock never takes a message another process is sending.
    const outIds = stubs.sms.accepted.items.map((m) => m.outId);
    expect(outIds.slice().sort()).toEqual(sms.map((m) => `ob-${m.id}`).sort());
    expect(stubs.smtp.inbox.items).toHaveLength(mails.length);
    expect([...sms, ...mails].filter((message) => message.attempts !== 1)).toEqual([]);
    const sentAudits = await store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'message.sent').execute();
    expect(sentAudits.map((row) => row.entity_id).sort()).toEqual([...sms, ...mails].map((m) => String(m.id)).sort());

    // Every outbox event went to each of its subscribers once, and is done.
    const deliveries = await store.db.selectFrom('outbox_deliveries').select(['status']).execute();
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((delivery) => delivery.status === 'done')).toBe(true);
    expect(await store.db.selectFrom('outbox').select('id').where('processed_at', 'is', null).execute()).toEqual([]);

    // Jobs were run by the two background processes, never by the HTTP-only one.
    const runners = await store.db.selectFrom('jobs').select('locked_by').where('locked_by', 'is not', null).execute();
    const pids = new Set(runners.map((row) => Number(row.locked_by!.split(':')[1])));
    expect(pids.size).toBeGreaterThan(0);
    expect(pids.has(processes.httpOnly.child.pid!)).toBe(false);
    for (const pid of pids) expect([processes.a.child.pid, processes.b.child.pid]).toContain(pid);
  });

  /**
   * Until nothing is left to run, send or dispatch (the background loops poll every second): no job due by the shared
   * clock or running (a job due after the last move writes events and messages only when it runs).
   */
  async function quiet(): Promise<void> {
    const { value } = await pollUntil(
      async () => {
        const clock = (await (await fetch(`${lb}/api/v1/dev/clock`)).json()) as { now: string };
        const now = new Date(clock.now);
        const jobs = await store.db
          .selectFrom('jobs')
          .select('id')
          .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)])]))
          .execute();
        const messages = await store.db.selectFrom('sent_messages').select('id').where('status', 'in', ['pending', 'sending']).execute();
        const events = await store.db.selectFrom('outbox').select('id').where('processed_at', 'is', null).execute();
        return jobs.length + messages.length + events.length;
      },
      (left) => left === 0,
      15_000,
    );
    expect(value, 'messages and events still waiting').toBe(0);
  }

  /** Moves the shared clock `hours` at a time (through the load balancer) until the order reaches `status`. */
  async function advanceUntil(applicant: HttpClient, id: string, status: string, hours: number): Promise<void> {
    for (let step = 0; step < 10; step += 1) {
      if ((await statusOf(applicant, id)) === status) return;
      // Settled before each move, so that the status read above is where the last move led.
      await quiet();
      const moved = await fetch(`${lb}/api/v1/dev/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hours }) });
      expect(moved.status).toBe(200);
    }
    expect(await statusOf(applicant, id)).toBe(status);
  }
});

async function statusOf(client: HttpClient, id: string): Promise<string> {
  return (await client.get(`/api/v1/orders/${id}`)).json<{ status: string }>().status;
}

async function checkStatus(base: string, host: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/enforcement/check?host=${encodeURIComponent(host)}`);
  await response.arrayBuffer();
  return response.status;
}

async function clockOf(base: string): Promise<Date> {
  return new Date(((await (await fetch(`${base}/api/v1/dev/clock`)).json()) as { now: string }).now);
}

/** The standard draft with its dates around the platform's (virtual) today. */
function datedFrom(draft: ReturnType<typeof buildDraft>, now: Date): ReturnType<typeof buildDraft> {
  const day = (offsetDays: number) => new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  draft.subject.leader.idValidUntil = day(3650);
  for (const domain of draft.services[0]!.domains) {
    domain.realNameVerifiedOn = day(-60);
    domain.expiresOn = day(730);
  }
  return draft;
}

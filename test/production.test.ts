import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres } from '../src/core/db/database.ts';
import { ROOT, BIN, childProcessesOf, ensureServerBuilt, run, startServer, type RunningServer } from './support/built-server.ts';
import { buildDraft } from './support/drafts.ts';
import { HttpClient } from './support/http-client.ts';
import { startFakeRegulator, type FakeRegulator } from './support/fake-regulator.ts';
import { colourJpeg } from './support/images.ts';
import { adminUrl, withDatabase } from './support/postgres-url.ts';
import { startFaceVendor, startSmsGateway, startSmtpServer } from './support/vendor-stubs.ts';

// Production mode for real, as an operator runs it: the built JavaScript (`npm run build:server`, reused while it is
// newer than the sources) started by `openbeian serve` with plain node, a fresh PostgreSQL database, SMTP, an SMS
// gateway and a face vendor on 127.0.0.1, and the regulator reached through an adapter module named by path — the
// HTTP gateway adapter against a fake 部级系统. One order is filed end to end.

const postgresUrl = inject('postgresUrl');

if (!postgresUrl) {
  describe('production mode', () => {
    it.skip('needs PostgreSQL (production refuses the embedded database): set DATABASE_URL to run it', () => undefined);
  });
} else {
  describe('production mode, built and started as an operator would', () => {
    const database = `openbeian_production_${randomBytes(5).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-production-'));
    const stubs = {} as {
      smtp: Awaited<ReturnType<typeof startSmtpServer>>;
      sms: Awaited<ReturnType<typeof startSmsGateway>>;
      face: Awaited<ReturnType<typeof startFaceVendor>>;
      regulator: FakeRegulator;
    };
    let server: RunningServer;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      await ensureServerBuilt();
      const admin = await openPostgres(adminUrl(postgresUrl), 1);
      await admin.pool.query(`CREATE DATABASE ${database}`);
      await admin.close();
      stubs.smtp = await startSmtpServer();
      stubs.sms = await startSmsGateway('sms-gateway-key');
      stubs.face = await startFaceVendor('face-vendor-key');
      stubs.regulator = await startFakeRegulator();
      // Only what an operator sets: nothing inherited from the test run (its DATABASE_URL, its mode).
      env = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        OPENBEIAN_MODE: 'production',
        HOST: '127.0.0.1',
        DATABASE_URL: withDatabase(postgresUrl, database),
        OPENBEIAN_DATA_DIR: dataDir,
        OPENBEIAN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        OPENBEIAN_LOOKUP_KEY: randomBytes(32).toString('hex'),
        OPENBEIAN_PUBLIC_URL: 'https://beian.provider.test',
        OPENBEIAN_REGULATOR: join(ROOT, 'dist', 'regulator', 'http-adapter.js'),
        OPENBEIAN_REGULATOR_URL: stubs.regulator.url,
        OPENBEIAN_REGULATOR_KEY: stubs.regulator.key,
        OPENBEIAN_REGULATOR_POLL_SECONDS: '1',
        OPENBEIAN_FACE_VERIFIER: 'http',
        OPENBEIAN_FACE_URL: stubs.face.url,
        OPENBEIAN_FACE_KEY: 'face-vendor-key',
        OPENBEIAN_SMS: 'http',
        OPENBEIAN_SMS_URL: stubs.sms.url,
        OPENBEIAN_SMS_KEY: 'sms-gateway-key',
        OPENBEIAN_MAIL: 'smtp',
        OPENBEIAN_SMTP_URL: stubs.smtp.url,
        OPENBEIAN_MAIL_FROM: 'beian@provider.test',
        LOG_LEVEL: 'info',
      };
      for (const [email, role] of [['ops@provider.test', 'admin'], ['review@provider.test', 'reviewer']]) {
        const created = await run(process.execPath, [BIN, 'create-admin', '--email', email!, '--role', role!, '--password-stdin'], { env, input: 'operator-password-1\n' });
        expect(created.code, created.output).toBe(0);
      }
      server = await startServer(env);
    }, 300_000); // a first run builds the server (tsc) before anything else

    afterAll(async () => {
      await server?.stop();
      await Promise.all([stubs.smtp?.close(), stubs.sms?.close(), stubs.face?.close(), stubs.regulator?.close()]);
      const admin = await openPostgres(adminUrl(postgresUrl), 1);
      await admin.pool.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('refuses to start with unsafe settings, naming every one', async () => {
      const unsafe = { ...env, OPENBEIAN_REGULATOR: 'simulator', OPENBEIAN_SMS: 'outbox', OPENBEIAN_ENCRYPTION_KEY: '0'.repeat(64), OPENBEIAN_PUBLIC_URL: 'http://beian.provider.test', DATABASE_URL: '' };
      const refused = await run(process.execPath, [BIN, 'serve'], { env: unsafe });
      expect(refused.code).toBe(2);
      for (const variable of ['OPENBEIAN_REGULATOR', 'OPENBEIAN_SMS', 'OPENBEIAN_ENCRYPTION_KEY', 'OPENBEIAN_PUBLIC_URL', 'DATABASE_URL']) {
        expect(refused.output).toContain(`- ${variable}: `);
      }
    });

    it('runs the built JavaScript with plain node, and offers no demo tools', async () => {
      expect(childProcessesOf(server.child.pid!)).toEqual([]); // tsx would run esbuild beside it
      const client = new HttpClient(server.url);
      expect((await client.get('/api/v1/health')).status).toBe(200);
      expect((await client.get('/api/v1/dev/outbox?to=13800000001')).status).toBe(404);
      expect((await client.post('/api/v1/dev/clock/advance', { hours: 1 })).status).toBe(404);
      expect((await client.post('/api/v1/sim/regulator/sms-verify', { mobile: '13800000001', code: '123456' })).status).toBe(404);
      expect((await client.post('/api/v1/auth/login', { email: 'admin@example.com', password: 'openbeian-demo' })).status).toBe(401);
    });

    it('files one order end to end: register, order, uploads, face, submit, review, the regulator’s SMS check, decision, numbers', async () => {
      const applicant = new HttpClient(server.url);
      expect((await applicant.post('/api/v1/auth/register', { email: 'owner@company.test', password: 'correct horse' })).status).toBe(201);
      // The account works once the link in the registration e-mail is opened.
      const welcome = await stubs.smtp.inbox.waitFor('the verification e-mail', (m) => m.to.includes('owner@company.test') && m.text.includes('/verify-email?token='));
      const token = decodeURIComponent(/verify-email\?token=(\S+)/.exec(welcome.text)![1]!);
      expect((await applicant.post('/api/v1/auth/verify-email', { token })).status).toBe(200);
      expect((await applicant.post('/api/v1/auth/login', { email: 'owner@company.test', password: 'correct horse' })).status).toBe(200);
      const ops = new HttpClient(server.url);
      expect((await ops.post('/api/v1/auth/login', { email: 'ops@provider.test', password: 'operator-password-1' })).status).toBe(200);
      const reviewer = new HttpClient(server.url);
      expect((await reviewer.post('/api/v1/auth/login', { email: 'review@provider.test', password: 'operator-password-1' })).status).toBe(200);

      // Production checks service codes: the customer's server, registered by the provider, issues one.
      const resource = await ops.post('/api/v1/resources', { email: 'owner@company.test', kind: 'ecs', label: 'web-1', region: 'cn-hangzhou', isMainland: true, billing: 'subscription', paidMonths: 3, hasPublicBandwidth: true, publicIps: ['47.96.1.10'] });
      expect(resource.status, resource.text).toBe(201);
      const code = await applicant.post(`/api/v1/resources/${(resource.json() as { id: string }).id}/service-codes`);
      expect(code.status, code.text).toBe(201);

      const draft = datedToday(buildDraft());
      draft.services[0]!.access.serviceCode = (code.json() as { code: string }).code;
      const created = await applicant.post('/api/v1/orders', { draft });
      expect(created.status, created.text).toBe(201);
      const { id, kind } = created.json() as { id: string; kind: string };
      expect(kind).toBe('first_filing');

      const photo = await colourJpeg();
      for (const [materialKind, appliesTo] of [['subject_certificate', 'subject'], ['subject_leader_id', 'subject.leader']]) {
        const upload = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind: materialKind!, appliesTo: appliesTo! }, { name: 'scan.jpg', type: 'image/jpeg', bytes: photo });
        expect(upload.status, upload.text).toBe(201);
      }
      const face = await applicant.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'me.jpg', type: 'image/jpeg', bytes: photo });
      expect((face.json() as { outcome: string }).outcome, face.text).toBe('passed');
      expect(stubs.face.requests).toEqual([{ idNumber: draft.subject.leader.idNumber, photoBytes: expect.any(Number) }]);

      const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'production-submit-1' } });
      expect(submit.status, submit.text).toBe(200);
      const submittedMail = await stubs.smtp.inbox.waitFor('the e-mail saying the order was submitted', (m) => m.to.includes('owner@company.test') && m.subject.includes('已提交'));
      expect(submittedMail.from).toBe('beian@provider.test');

      expect((await reviewer.post(`/api/v1/review/${id}/approve`)).status).toBe(200);
      const sent = await stubs.regulator.received();
      expect(sent.kind).toBe('first_filing');
      expect(sent.materials).toHaveLength(2);
      for (const material of sent.materials) expect(stubs.regulator.files.has(material.sha256)).toBe(true);

      // The regulator texts the leader; the leader confirms on MIIT's page; the 管局 decides.
      const started = stubs.regulator.intake(sent.id);
      await stubs.regulator.polledPast(started);
      expect(await statusOf(applicant, id)).toBe('sms_verification');
      for (const { mobile, code: sms } of stubs.regulator.codes(sent.id)) expect(stubs.regulator.confirmSms(mobile, sms)).toBe(true);
      await stubs.regulator.polledPast(stubs.regulator.lastEventSeq);
      expect(await statusOf(applicant, id)).toBe('regulator_review');
      await stubs.regulator.polledPast(stubs.regulator.decide(sent.id));

      const approved = (await applicant.get(`/api/v1/orders/${id}`)).json() as { status: string; numbers: { subject: string; services: { number: string }[] } };
      expect(approved.status).toBe('approved');
      expect(approved.numbers.subject).toMatch(/^浙ICP备20\d{2}900001号$/); // the fake regulator's serials, not a local counter
      const serviceNumber = `${approved.numbers.subject}-1`;
      expect(approved.numbers.services[0]!.number).toBe(serviceNumber);
      const filing = await applicant.get(`/api/v1/filings/${encodeURIComponent(approved.numbers.subject)}`);
      expect((filing.json() as { services: { number: string; accessState: string }[] }).services[0]).toMatchObject({ number: serviceNumber, accessState: 'connected' });

      const mail = await stubs.smtp.inbox.waitFor('the e-mail with the numbers', (m) => m.to.includes('owner@company.test') && m.text.includes(serviceNumber));
      expect(mail.subject).toBe('备案成功');
      // The SMS is a fixed template with short variables (docs/sms-templates.md): the subject number; the e-mail lists every site's.
      const text = await stubs.sms.inbox.waitFor('the text with the subject number', (m) => m.to === draft.subject.leader.mobile && m.text.includes(approved.numbers.subject));
      expect(text).toMatchObject({ template: 'order.approved', authorization: 'Bearer sms-gateway-key' });
      expect(childProcessesOf(server.child.pid!)).toEqual([]);
    });
  });
}

async function statusOf(client: HttpClient, id: string): Promise<string> {
  return ((await client.get(`/api/v1/orders/${id}`)).json() as { status: string }).status;
}

/** The standard draft with its dates moved to today's real date: production runs on the real clock. */
function datedToday(draft: ReturnType<typeof buildDraft>): ReturnType<typeof buildDraft> {
  const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  draft.subject.leader.idValidUntil = day(3650);
  for (const domain of draft.services[0]!.domains) {
    domain.realNameVerifiedOn = day(-60);
    domain.expiresOn = day(730);
  }
  return draft;
}

// Each finding of the security review (issue 11), replayed as the attack it describes; a test passes only when the
// platform refuses it. Runs on PGlite, and on PostgreSQL when DATABASE_URL is set.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { FACE_ATTEMPTS_PER_DAY } from '../src/filing/commands/verify-face.ts';
import { readStoredFile } from '../src/materials/index.ts';
import { colourJpeg } from './support/images.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runAuditCommand } from '../src/cli/audit.ts';
import { SYSTEM_ACTOR, verifyAuditChain } from '../src/core/audit.ts';
import { importFilings } from '../src/filing/index.ts';
import { createContext } from '../src/core/context.ts';
import { createLogger } from '../src/core/logger.ts';
import { RateLimiter } from '../src/http/rate-limit.ts';
import { gb11643CheckChar } from '../src/rules/identity.ts';
import { testDatabases } from './support/databases.ts';
import { DEMO_PASSWORD } from '../src/accounts/index.ts';
import { buildDraft, withIdCheck } from './support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted, verificationToken } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

describe.each(testDatabases())('security on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  describe('lock-out of real users', () => {
    it('lets the owner in from home while a guesser has burned many passwords on the account', async () => {
      const owner = await applicantClient(platform, 'victim@example.com');
      await owner.post('/api/v1/auth/logout');
      const attacker = platform.client();
      // 25 guesses from 5 addresses: past the free failures of each pair (5) and of the account (20 an hour).
      for (let n = 0; n < 25; n += 1) {
        const address = `198.51.100.${n % 5}`;
        await attacker.request('POST', '/api/v1/auth/login', { email: 'victim@example.com', password: `guess number ${n}` }, { remoteAddress: address });
      }
      const slowed = await attacker.request('POST', '/api/v1/auth/login', { email: 'victim@example.com', password: 'guess again!' }, { remoteAddress: '198.51.100.0' });
      expect(slowed.statusCode).toBe(429);
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
      expect(slowed.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      // The owner, from an address that never failed on the account, is judged at once and gets in.
      expect((await owner.login('victim@example.com', 'correct horse')).statusCode).toBe(200);
      // And again a day later while the guessing goes on: repeatable for ever, never a lock.
      await platform.advance(24);
      for (let n = 0; n < 25; n += 1) {
        await attacker.request('POST', '/api/v1/auth/login', { email: 'victim@example.com', password: `more guesses ${n}` }, { remoteAddress: `198.51.100.${10 + (n % 5)}` });
      }
      const home = platform.client({ relogin: false });
      expect((await home.request('POST', '/api/v1/auth/login', { email: 'victim@example.com', password: 'correct horse' }, { remoteAddress: '203.0.113.50' })).statusCode).toBe(200);
    });

    it('does not shut an office out because one colleague behind the same address mistyped', async () => {
      await applicantClient(platform, 'colleague@example.com');
      const office = platform.client();
      for (let n = 0; n < 8; n += 1) await office.request('POST', '/api/v1/auth/login', { email: 'typo@example.com', password: 'not it at all' }, { remoteAddress: '203.0.113.7' });
      const colleague = await office.request('POST', '/api/v1/auth/login', { email: 'colleague@example.com', password: 'correct horse' }, { remoteAddress: '203.0.113.7' });
      expect(colleague.statusCode).toBe(200);
    });
  });

  describe('rate limiter', () => {
    it('keeps a limit while an attacker sprays new keys, and shares it with a second process on the same database', async () => {
      const limiter = new RateLimiter(platform.ctx, 'test.spray', 3, 60_000);
      for (let n = 0; n < 3; n += 1) await limiter.take('attacker');
      await expect(limiter.take('attacker')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      for (let n = 0; n < 300; n += 1) await limiter.take(`sprayed-${n}`);
      await expect(limiter.take('attacker')).rejects.toMatchObject({ code: 'RATE_LIMITED' });

      // Another process: its own context and limiter object, the same database.
      const other = createContext(platform.ctx.config, platform.ctx.database, createLogger('silent'), platform.clock);
      await expect(new RateLimiter(other, 'test.spray', 3, 60_000).take('attacker')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      platform.clock.advance(60_001);
      await new RateLimiter(other, 'test.spray', 3, 60_000).take('attacker');
    });

    it('answers 429 with Retry-After on a route after its limit, for that address only', async () => {
      const anonymous = platform.client();
      for (let n = 0; n < 10; n += 1) {
        const response = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: `someone${n}@example.com` }, { remoteAddress: '192.0.2.1' });
        expect(response.statusCode).toBe(202);
      }
      const limited = await anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'more@example.com' }, { remoteAddress: '192.0.2.1' });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await anonymous.request('POST', '/api/v1/auth/password-reset', { email: 'more@example.com' }, { remoteAddress: '192.0.2.2' })).statusCode).toBe(202);
    });
  });

  describe('cross-site request forgery', () => {
    it('refuses a cross-site form that submits, abandons or logs out, with or without a body', async () => {
      const owner = await applicantClient(platform);
      const id = await preparedOrder(owner);
      const forged: { url: string; headers: Record<string, string>; body: string | undefined }[] = [
        { url: `/api/v1/orders/${id}/submit`, headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '' },
        { url: `/api/v1/orders/${id}/submit`, headers: { origin: 'https://evil.example' }, body: undefined },
        { url: `/api/v1/orders/${id}/abandon`, headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, body: 'x=1' },
        { url: `/api/v1/orders/${id}/abandon`, headers: { 'content-type': 'text/plain' }, body: '{}' },
        { url: `/api/v1/orders/${id}/abandon`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' },
        { url: '/api/v1/auth/logout', headers: { origin: 'null', 'content-type': 'text/plain' }, body: '' },
        { url: '/api/v1/orders', headers: { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' }, body: JSON.stringify({ draft: {} }) },
      ];
      for (const attempt of forged) {
        const response = await owner.request('POST', attempt.url, attempt.body, { headers: attempt.headers });
        expect([403, 415], `${attempt.url} ${JSON.stringify(attempt.headers)}`).toContain(response.statusCode);
        expect(response.json().error.message.zh).toMatch(/\p{Script=Han}/u);
      }
      // A multipart form on a route that takes no file is refused as well.
      const multipart = await owner.request('POST', `/api/v1/orders/${id}/submit`, '--x\r\n\r\n--x--', { headers: { 'content-type': 'multipart/form-data; boundary=x' } });
      expect(multipart.statusCode).toBe(415);
      expect((await owner.get(`/api/v1/orders/${id}`)).json().status).toBe('draft');
      expect(owner.hasSession).toBe(true);
    });

    it('refuses a cross-site claim of an order in review and a cross-site request for a service code', async () => {
      const owner = await applicantClient(platform);
      const reviewer = await staffClient(platform);
      const admin = await staffClient(platform, 'admin@example.com');
      const id = await preparedOrder(owner);
      await submitted(owner, id);
      const resource = await admin.post('/api/v1/resources', {
        kind: 'ecs', label: 'web-1', region: 'cn-hangzhou', isMainland: true, billing: 'subscription', paidMonths: 3, hasPublicBandwidth: true, publicIps: ['47.96.1.10'], email: 'owner@example.com',
      });
      expect(resource.statusCode, resource.body).toBe(201);
      const codesUrl = `/api/v1/resources/${resource.json().id}/service-codes`;
      const forms: { headers: Record<string, string>; body: string | undefined }[] = [
        { headers: { origin: 'https://evil.example', 'content-type': 'text/plain' }, body: '' },
        { headers: { 'sec-fetch-site': 'cross-site' }, body: undefined },
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' },
      ];
      for (const form of forms) {
        const claim = await reviewer.request('POST', `/api/v1/review/${id}/claim`, form.body, { headers: form.headers });
        expect([403, 415], `claim ${JSON.stringify(form.headers)}`).toContain(claim.statusCode);
        const code = await owner.request('POST', codesUrl, form.body, { headers: form.headers });
        expect([403, 415], `service code ${JSON.stringify(form.headers)}`).toContain(code.statusCode);
      }
      const queued = (await reviewer.get('/api/v1/review/queue')).json().items as { id: string; claimedBy: string | null }[];
      expect(queued.find((item) => item.id === id)?.claimedBy).toBeNull();
      expect((await owner.get('/api/v1/service-codes')).json().items).toEqual([]);
      // The console's own calls still work.
      expect((await reviewer.post(`/api/v1/review/${id}/claim`)).statusCode).toBe(200);
      expect((await owner.post(codesUrl)).statusCode).toBe(201);
    });

    it('accepts the console itself and machine clients that send no Origin', async () => {
      const owner = await applicantClient(platform);
      const id = await preparedOrder(owner);
      const fromConsole = await owner.request('POST', `/api/v1/orders/${id}/submit`, {}, {
        headers: { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', 'idempotency-key': 'console-submit-1' },
      });
      expect(fromConsole.statusCode, fromConsole.body).toBe(200);
      const curl = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'a@example.com' } });
      expect(curl.statusCode).toBe(202);
      const sameHost = await platform.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'a@example.com' }, headers: { host: 'beian.example.cn', origin: 'http://beian.example.cn' } });
      expect(sameHost.statusCode).toBe(202);
    });
  });

  describe('passwords and sessions', () => {
    it('refuses short and common passwords at registration, reset and change', async () => {
      const anonymous = platform.client();
      for (const password of ['12345678', '123456789012', 'password1234', 'woaini1314520']) {
        const response = await anonymous.post('/api/v1/auth/register', { email: 'weak@example.com', password });
        expect(response.statusCode, password).toBe(400);
        expect(response.json().error.details.fields[0].path).toBe('body.password');
      }
      const owner = await applicantClient(platform);
      const weak = await owner.post('/api/v1/auth/password', { current: 'correct horse', new: 'qwertyuiop123' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.details.fields[0].path).toBe('body.new');
    });

    it('changes the password only with the current one, and ends every other session', async () => {
      const laptop = await applicantClient(platform);
      const phone = platform.client({ relogin: false });
      expect((await phone.login('owner@example.com', 'correct horse')).statusCode).toBe(200);
      const wrong = await laptop.post('/api/v1/auth/password', { current: 'not my password', new: 'a brand new one' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details.fields[0].path).toBe('body.current');
      const changed = await laptop.post('/api/v1/auth/password', { current: 'correct horse', new: 'a brand new one' });
      expect(changed.json()).toEqual({ changed: true, sessionsEnded: 1 });
      expect((await laptop.get('/api/v1/auth/me')).statusCode).toBe(200);
      expect((await phone.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await phone.login('owner@example.com', 'correct horse')).statusCode).toBe(401);
      expect((await phone.login('owner@example.com', 'a brand new one')).statusCode).toBe(200);
      const mail = (await laptop.get('/api/v1/dev/outbox?to=owner@example.com')).json().items as { subject: string }[];
      expect(mail.some((m) => /changed/.test(m.subject))).toBe(true);
    });

    it('ends an applicant session after 2 idle hours and a staff session after 30 minutes, on the application clock', async () => {
      const applicant = await applicantClient(platform);
      const reviewer = platform.client({ relogin: false });
      await staffClient(platform);
      expect((await reviewer.login('reviewer@example.com', DEMO_PASSWORD)).statusCode).toBe(200);
      const quiet = platform.client({ relogin: false });
      expect((await quiet.login('owner@example.com', 'correct horse')).statusCode).toBe(200);

      platform.clock.advance(29 * 60_000);
      expect((await reviewer.get('/api/v1/auth/me')).statusCode).toBe(200);
      platform.clock.advance(31 * 60_000);
      expect((await reviewer.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await quiet.get('/api/v1/auth/me')).statusCode).toBe(200); // an hour idle
      platform.clock.advance(2 * 3600_000 + 60_000);
      expect((await quiet.get('/api/v1/auth/me')).statusCode).toBe(401);
      // Used now and then, a session still ends 12 hours after login.
      const busy = platform.client({ relogin: false });
      expect((await busy.login('owner@example.com', 'correct horse')).statusCode).toBe(200);
      for (let hour = 0; hour < 11; hour += 1) {
        platform.clock.advance(3600_000);
        expect((await busy.get('/api/v1/auth/me')).statusCode).toBe(200);
      }
      platform.clock.advance(3600_000);
      expect((await busy.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect(applicant).toBeDefined();
    });

    it('ends the butler’s session after 30 idle minutes too: it is provider staff', async () => {
      await staffClient(platform, 'butler@example.com');
      const butler = platform.client({ relogin: false });
      expect((await butler.login('butler@example.com', DEMO_PASSWORD)).statusCode).toBe(200);
      platform.clock.advance(29 * 60_000);
      expect((await butler.get('/api/v1/auth/me')).statusCode).toBe(200);
      platform.clock.advance(31 * 60_000);
      expect((await butler.get('/api/v1/auth/me')).statusCode).toBe(401);
    });

    it('sends HSTS and a Secure session cookie when the public URL is https, and accepts that origin', async () => {
      const secure = await startTestPlatform(factory, { OPENBEIAN_PUBLIC_URL: 'https://beian.example.cn' });
      try {
        const owner = await applicantClient(secure);
        await owner.post('/api/v1/auth/logout');
        const login = await owner.login('owner@example.com', 'correct horse');
        expect(login.statusCode).toBe(200);
        expect(String(login.headers['set-cookie'])).toMatch(/ob_session=[^;]+;.*\bSecure\b/i);
        expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly/i);
        expect(String(login.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
        const me = await owner.get('/api/v1/auth/me');
        expect(me.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
        expect(me.headers['cache-control']).toBe('no-store');
        const id = await preparedOrder(owner);
        const fromConsole = await owner.request('POST', `/api/v1/orders/${id}/submit`, {}, { headers: { origin: 'https://beian.example.cn', 'idempotency-key': 'https-console-1' } });
        expect(fromConsole.statusCode, fromConsole.body).toBe(200);
      } finally {
        await secure.stop();
      }
    });

    it('keeps personal data and material images out of caches', async () => {
      const owner = await applicantClient(platform);
      const id = await preparedOrder(owner);
      const order = await owner.get(`/api/v1/orders/${id}`);
      expect(order.headers['cache-control']).toBe('no-store');
      const material = order.json().materials[0] as { id: string };
      const file = await owner.get(`/api/v1/orders/${id}/materials/${material.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['cache-control']).toBe('no-store');
      expect(order.headers['strict-transport-security']).toBeUndefined();
    });

    it('registers without telling whether the e-mail is taken, and activates only the password of the link opened', async () => {
      const squatter = platform.client();
      const first = await squatter.post('/api/v1/auth/register', { email: 'target@example.com', password: 'squatter password' });
      const owner = platform.client();
      const second = await owner.post('/api/v1/auth/register', { email: 'target@example.com', password: 'owner real password' });
      expect(second.json()).toEqual(first.json());
      // The owner opens the newest link, from their own registration.
      expect((await owner.post('/api/v1/auth/verify-email', { token: await verificationToken(owner, 'target@example.com') })).statusCode).toBe(200);
      expect((await squatter.login('target@example.com', 'squatter password')).statusCode).toBe(401);
      expect((await owner.login('target@example.com', 'owner real password')).statusCode).toBe(200);
      const taken = await squatter.post('/api/v1/auth/register', { email: 'target@example.com', password: 'squatter password' });
      expect(taken.statusCode).toBe(201);
      expect(taken.json()).toEqual(first.json());
    });
  });

  describe('tamper-evident audit', () => {
    it('names the first broken link after a row is rewritten in the database, from the CLI too', async () => {
      const owner = await applicantClient(platform);
      const id = await preparedOrder(owner);
      await submitted(owner, id);
      const intact = await verifyAuditChain(platform.ctx.db);
      expect(intact.broken).toBeNull();
      expect(intact.rows).toBeGreaterThan(5);

      const logged = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(await runAuditCommand(platform.ctx.config, ['verify'], platform.ctx.database)).toBe(0);
      expect(logged.mock.calls.flat().join('\n')).toMatch(/chain intact/);

      // An operator with database access rewrites who submitted the order.
      const row = await platform.ctx.db.selectFrom('audit_log').select(['id']).where('entity_id', '=', id).where('to_status', '=', 'provider_review').executeTakeFirstOrThrow();
      await sql`UPDATE audit_log SET actor_role = 'reviewer' WHERE id = ${row.id}`.execute(platform.ctx.db);
      const tampered = await verifyAuditChain(platform.ctx.db);
      expect(tampered.broken).toMatchObject({ id: row.id, stream: `order:${id}`, problem: expect.stringMatching(/changed/) });
      expect(await runAuditCommand(platform.ctx.config, ['verify'], platform.ctx.database)).toBe(1);
      expect(errors.mock.calls.flat().join('\n')).toContain(`row id ${row.id}`);
      logged.mockRestore();
      errors.mockRestore();

      // Deleting a row from the middle of a stream is found as a gap.
      await sql`UPDATE audit_log SET actor_role = 'applicant' WHERE id = ${row.id}`.execute(platform.ctx.db);
      expect((await verifyAuditChain(platform.ctx.db)).broken).toBeNull();
      const first = await platform.ctx.db.selectFrom('audit_log').select(['id']).where('stream', '=', `order:${id}`).where('seq', '=', 1).executeTakeFirstOrThrow();
      await sql`DELETE FROM audit_log WHERE id = ${first.id}`.execute(platform.ctx.db);
      expect((await verifyAuditChain(platform.ctx.db)).broken).toMatchObject({ stream: `order:${id}`, problem: 'row 1 of this stream is missing' });
    });

    it('does not let a forged row pass as one written before chaining', async () => {
      const owner = await applicantClient(platform);
      await preparedOrder(owner);
      expect((await verifyAuditChain(platform.ctx.db)).broken).toBeNull();
      // Someone with database access adds a row without stream and hash, as the rows from before chaining look.
      await sql`INSERT INTO audit_log (at, actor_role, entity_type, entity_id, action, data, person_keys) VALUES (now(), 'admin', 'order', 'x', 'approve', '{}', '{}')`.execute(platform.ctx.db);
      const forged = await platform.ctx.db.selectFrom('audit_log').select('id').where('stream', 'is', null).executeTakeFirstOrThrow();
      expect((await verifyAuditChain(platform.ctx.db)).broken).toMatchObject({ id: forged.id, problem: expect.stringMatching(/unchained row written after chaining began/) });
    });
  });

  describe('demo SMS check', () => {
    it('does not let a stranger burn the five tries of someone else’s filing', async () => {
      const owner = await applicantClient(platform);
      const reviewer = await staffClient(platform);
      const id = await preparedOrder(owner);
      await submitted(owner, id);
      expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
      await platform.advance(24);
      expect(await statusOf(owner, id)).toBe('sms_verification');
      const mobile = buildDraft().subject.leader.mobile;

      const anonymous = platform.client();
      const stranger = await applicantClient(platform, 'stranger@example.com');
      for (let n = 0; n < 6; n += 1) {
        expect((await anonymous.post('/api/v1/sim/regulator/sms-verify', { mobile, code: '000000' })).statusCode).toBe(401);
        expect((await stranger.post('/api/v1/sim/regulator/sms-verify', { mobile, code: '000000' })).statusCode).toBe(404);
      }
      expect((await stranger.post('/api/v1/sim/regulator/sms-resend', { mobile })).statusCode).toBe(404);
      expect(await statusOf(owner, id)).toBe('sms_verification');
      const confirmed = await owner.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(owner, mobile) });
      expect(confirmed.json().outcome).toBe('confirmed');
    });
  });

  describe('face photos', () => {
    it('refuses random bytes and HTML, strips EXIF with GPS, names the stored file by a keyed hash, and limits attempts per person and day', async () => {
      const owner = await applicantClient(platform);
      const id = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
      const face = (bytes: Buffer, name = 'face.jpg') => owner.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name, type: 'image/jpeg', bytes });

      const random = await face(randomBytes(300_000));
      expect(random.statusCode).toBe(422);
      expect(random.json().error.code).toBe('MATERIAL_REJECTED');
      const html = await face(Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'.padEnd(50_000, ' ')), 'face.html');
      expect(html.statusCode).toBe(422);

      const photo = await colourJpeg();
      const withGps = await sharp(photo).withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1' } }).jpeg().toBuffer();
      expect((await sharp(withGps).metadata()).exif).toBeDefined();
      const passed = await face(withGps);
      expect(passed.statusCode, passed.body).toBe(201);
      const stored = await platform.ctx.db.selectFrom('face_verifications').select(['photo_sha256']).where('order_id', '=', id).executeTakeFirstOrThrow();
      expect(stored.photo_sha256).not.toBe(createHash('sha256').update(withGps).digest('hex'));
      const kept = await readStoredFile(platform.ctx, stored.photo_sha256!);
      expect(kept).not.toBeNull();
      expect((await sharp(kept!).metadata()).exif).toBeUndefined();
      expect(kept!.includes(Buffer.from('PhoneMaker'))).toBe(false);

      for (let n = 1; n < FACE_ATTEMPTS_PER_DAY; n += 1) expect((await face(photo)).statusCode).toBe(201);
      const limited = await face(photo);
      expect(limited.statusCode).toBe(429);
      platform.clock.advance(24 * 3600_000 + 1000);
      expect((await face(photo)).statusCode).toBe(201);
    });

    it('names material files by a keyed hash too', async () => {
      const owner = await applicantClient(platform);
      const id = await preparedOrder(owner);
      const material = (await owner.get(`/api/v1/orders/${id}`)).json().materials[0] as { sha256: string; id: string };
      const served = await owner.get(`/api/v1/orders/${id}/materials/${material.id}/file`);
      expect(material.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(material.sha256).not.toBe(createHash('sha256').update(served.rawPayload).digest('hex'));
    });
  });

  /** A victim's draft (materials uploaded, not submitted) and the staff of every role. */
  async function victimWithDraft() {
    const victim = await applicantClient(platform, 'victim@example.com');
    const id = await preparedOrder(victim);
    const staff = {
      reviewer: await staffClient(platform, 'reviewer@example.com'),
      compliance: await staffClient(platform, 'compliance@example.com'),
      butler: await staffClient(platform, 'butler@example.com'),
      admin: await staffClient(platform, 'admin@example.com'),
    };
    const materialId = ((await victim.get(`/api/v1/orders/${id}`)).json().materials[0] as { id: string }).id;
    return { victim, id, staff, materialId };
  }
  const leaderId = buildDraft().subject.leader.idNumber;
  const auditActions = async (orderId: string) =>
    (await platform.ctx.db.selectFrom('audit_log').select(['action', 'actor_role', 'data', 'person_keys']).where('entity_id', '=', orderId).orderBy('id').execute());

  /** Files the standard draft to numbers for `email`; returns the subject number. */
  async function filedSubject(email: string): Promise<string> {
    const owner = await applicantClient(platform, email);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(owner);
    await submitted(owner, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    const mobile = buildDraft().subject.leader.mobile;
    await owner.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(owner, mobile) });
    await platform.advance(24 * 25);
    expect(await statusOf(owner, id)).toBe('approved');
    return (await owner.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
  }

  describe('least privilege', () => {
    it('hides a draft from every staff role until the applicant asks for help, then shows it masked and audited', async () => {
      const { victim, id, staff, materialId } = await victimWithDraft();
      for (const [role, client] of Object.entries(staff)) {
        expect((await client.get(`/api/v1/orders/${id}`)).statusCode, role).toBe(404);
        expect((await client.get(`/api/v1/orders/${id}/materials/${materialId}/file`)).statusCode, role).toBe(404);
        expect((await client.get('/api/v1/orders')).json().items.map((o: { id: string }) => o.id), role).not.toContain(id);
      }
      const asked = await victim.post(`/api/v1/orders/${id}/help-request`, { note: '请帮我看看材料' });
      expect(asked.statusCode).toBe(200);
      expect(asked.json().helpRequestedAt).toBeTruthy();
      const seen = await staff.compliance.get(`/api/v1/orders/${id}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().access).toBe('masked');
      expect(seen.json().draft.subject.leader.idNumber).not.toBe(leaderId);
      expect(seen.json().draft.subject.leader.idNumber).toMatch(/^\d{3}\*+\w{4}$/);
      expect(seen.json().draft.subject.leader.mobile).toBe('138****0001');
      expect(seen.json().maskedFields).toContain('subject.leader.idNumber');
      expect(JSON.stringify(seen.json())).not.toContain(leaderId);
      const actions = await auditActions(id);
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['help_requested', 'personal_data_viewed']));
      expect(actions.find((a) => a.action === 'personal_data_viewed')!.person_keys).toEqual([platform.ctx.cipher.lookupHash(leaderId)]);

      expect((await victim.request('DELETE', `/api/v1/orders/${id}/help-request`)).statusCode).toBe(200);
      expect((await staff.compliance.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
    });

    it('gives the reviewer full data in its queue, compliance masked with an audited reveal, the butler nothing, and audits image downloads', async () => {
      const { victim, id, staff, materialId } = await victimWithDraft();
      await submitted(victim, id);
      const reviewerView = await staff.reviewer.get(`/api/v1/orders/${id}`);
      expect(reviewerView.json().access).toBe('full');
      expect(reviewerView.json().draft.subject.leader.idNumber).toBe(leaderId);
      const complianceView = await staff.compliance.get(`/api/v1/orders/${id}`);
      expect(complianceView.json().access).toBe('masked');
      expect(JSON.stringify(complianceView.json().draft)).not.toContain(leaderId);
      // The butler works its tickets, never the filings behind them.
      expect((await staff.butler.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
      const revealed = await staff.compliance.post(`/api/v1/orders/${id}/reveal`, { path: 'subject.leader.idNumber' });
      expect(revealed.json()).toEqual({ path: 'subject.leader.idNumber', value: leaderId });
      expect((await staff.compliance.post(`/api/v1/orders/${id}/reveal`, { path: 'subject.name' })).statusCode).toBe(400);
      expect((await victim.post(`/api/v1/orders/${id}/reveal`, { path: 'subject.leader.idNumber' })).statusCode).toBe(403);
      expect((await staff.butler.get(`/api/v1/orders/${id}/materials/${materialId}/file`)).statusCode).toBe(404);
      expect((await staff.compliance.get(`/api/v1/orders/${id}/materials/${materialId}/file`)).statusCode).toBe(200);

      const actions = await auditActions(id);
      const views = actions.filter((a) => a.action === 'personal_data_viewed').map((a) => `${a.actor_role}:${(a.data as { access: string }).access}`);
      expect(views).toEqual(['reviewer:full', 'compliance:masked']);
      expect(actions.find((a) => a.action === 'personal_data_revealed')).toMatchObject({ actor_role: 'compliance', data: { path: 'subject.leader.idNumber' } });
      expect(actions.find((a) => a.action === 'material_downloaded')).toMatchObject({ actor_role: 'compliance' });

      // Once the order has left the queue, the reviewer sees it masked too.
      expect((await staff.reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
      expect((await staff.reviewer.get(`/api/v1/orders/${id}`)).json().access).toBe('masked');
    });

    it('masks what changed since a rejection for staff who see the order masked: a reviewer once it left the queue, compliance always', async () => {
      const { victim, id, staff } = await victimWithDraft();
      await submitted(victim, id);
      expect((await staff.reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'PHONE_PROBLEM', path: 'subject.leader.mobile' }] })).statusCode).toBe(200);
      const view = (await victim.get(`/api/v1/orders/${id}`)).json();
      const draft = structuredClone(view.draft);
      draft.subject.leader.mobile = '13912340077';
      draft.subject.leader.email = 'leader.private@example.com';
      expect((await victim.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(view.version) } })).statusCode).toBe(200);

      // Sent back and not resubmitted: the order is out of the review queue, so the reviewer sees it masked.
      for (const role of ['reviewer', 'admin', 'compliance'] as const) {
        const seen = (await staff[role].get(`/api/v1/orders/${id}`)).json();
        expect(seen.access, role).toBe('masked');
        expect(seen.changesSinceDecision.isMasked, role).toBe(true);
        const text = JSON.stringify(seen);
        for (const secret of ['13912340077', 'leader.private@example.com', leaderId, buildDraft().subject.leader.mobile]) expect(text, `${role} ${secret}`).not.toContain(secret);
        expect(seen.changesSinceDecision.fields.find((f: { path: string }) => f.path === 'subject.leader.mobile')).toMatchObject({ before: '138****0001', after: '139****0077' });
      }
      // The applicant sees their own values.
      expect((await victim.get(`/api/v1/orders/${id}`)).json().changesSinceDecision.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'subject.leader.email', after: 'leader.private@example.com' })]),
      );
    });

    it('audits a staff member’s view of a filed subject, not the owner’s', async () => {
      const subject = await filedSubject('owner@example.com');
      const owner = platform.client();
      expect((await owner.login('owner@example.com', 'correct horse')).statusCode).toBe(200);
      const compliance = await staffClient(platform, 'compliance@example.com');
      const viewsOf = async () =>
        platform.ctx.db.selectFrom('audit_log').select(['actor_role', 'person_keys']).where('entity_type', '=', 'filed_subject').where('entity_id', '=', subject).where('action', '=', 'personal_data_viewed').execute();
      expect((await owner.get(`/api/v1/filings/${encodeURIComponent(subject)}`)).statusCode).toBe(200);
      expect(await viewsOf()).toEqual([]);
      const seen = await compliance.get(`/api/v1/filings/${encodeURIComponent(subject)}`);
      expect(seen.statusCode).toBe(200);
      expect(seen.json().leader.mobile).toBe('138****0001');
      expect(await viewsOf()).toEqual([{ actor_role: 'compliance', person_keys: [platform.ctx.cipher.lookupHash(leaderId)] }]);
    });

    it('lets an admin export the audit trail of one person’s data by ID number, and no one else', async () => {
      const { victim, id, staff } = await victimWithDraft();
      await submitted(victim, id);
      await staff.compliance.get(`/api/v1/orders/${id}`);
      await staff.compliance.post(`/api/v1/orders/${id}/reveal`, { path: 'subject.leader.mobile' });
      for (const role of ['reviewer', 'compliance', 'butler'] as const) {
        expect((await staff[role].post('/api/v1/privacy/audit-trail', { idNumber: leaderId })).statusCode, role).toBe(403);
      }
      expect((await victim.post('/api/v1/privacy/audit-trail', { idNumber: leaderId })).statusCode).toBe(403);
      const trail = await staff.admin.post('/api/v1/privacy/audit-trail', { idNumber: leaderId.toLowerCase() });
      expect(trail.statusCode).toBe(200);
      const actions = (trail.json().items as { action: string; actor: { role: string } }[]).map((i) => `${i.actor.role}:${i.action}`);
      expect(actions).toEqual(expect.arrayContaining(['applicant:create', 'applicant:transition', 'compliance:personal_data_viewed', 'compliance:personal_data_revealed']));
      expect(trail.json().idNumber).not.toBe(leaderId);
      const other = await staff.admin.post('/api/v1/privacy/audit-trail', { idNumber: '110105194912310029' });
      expect(other.json().items).toEqual([]);
      const exported = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('action', '=', 'audit_trail_exported').execute();
      expect(exported).toHaveLength(2);
    });

    it('sweeps every documented route that names an id: a stranger never reaches the victim’s order, material or filing', async () => {
      const { victim, id, materialId, staff } = await victimWithDraft();
      const stranger = await applicantClient(platform, 'stranger@example.com');
      const values: Record<string, string> = { id, materialId, subjectNumber: '浙ICP备2026000001号', serviceNumber: '浙ICP备2026000001号-1' };
      // The victim's other records with an `{id}` of their own: a butler ticket and a cloud resource.
      const ticket = await victim.post('/api/v1/butler/tickets', { service: 'icp_filing', note: '想请管家代办', contactMobile: '13700001111' });
      expect(ticket.statusCode, ticket.body).toBe(201);
      const resource = await staff.admin.post('/api/v1/resources', {
        kind: 'ecs', label: 'web-1', region: 'cn-hangzhou', isMainland: true, billing: 'subscription', paidMonths: 3, hasPublicBandwidth: true, publicIps: ['47.96.1.10'], email: 'victim@example.com',
      });
      expect(resource.statusCode, resource.body).toBe(201);
      const ownIds: [string, string][] = [['/api/v1/butler/tickets/', ticket.json().id], ['/api/v1/resources/', resource.json().id]];
      const idOf = (path: string) => ownIds.find(([prefix]) => path.startsWith(prefix))?.[1];
      const paths = (await platform.client().get('/api/v1/openapi.json')).json().paths as Record<string, Record<string, unknown>>;
      const photo = await colourJpeg();
      const tried: string[] = [];
      const skipped = new Set<string>();
      for (const [path, operations] of Object.entries(paths)) {
        const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        if (names.length === 0) continue;
        const unknown = names.filter((name) => !(name in values));
        if (unknown.length > 0) {
          unknown.forEach((name) => skipped.add(name));
          continue;
        }
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent((name === 'id' ? idOf(path) : undefined) ?? values[name]!));
        // Compliance may see tickets and resources for its work; the draft is what it must not reach.
        const attackers = idOf(path) ? ([['stranger', stranger]] as const) : ([['stranger', stranger], ['compliance on a draft', staff.compliance]] as const);
        for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
          const consumes = (operations[method.toLowerCase()] as { requestBody?: { content?: Record<string, unknown> } }).requestBody?.content ?? {};
          for (const [who, client] of attackers) {
            const response =
              method !== 'GET' && 'multipart/form-data' in consumes
                ? await client.upload(url, { kind: 'subject_certificate', appliesTo: 'subject', person: 'subject.leader' }, { name: 'x.jpg', type: 'image/jpeg', bytes: photo })
                : await client.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
            tried.push(`${who} ${method} ${path}`);
            expect(response.statusCode, `${who} ${method} ${url} → ${response.body.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
            expect(response.statusCode, `${who} ${method} ${url}`).toBeLessThan(500);
          }
        }
      }
      expect(tried.length).toBeGreaterThan(15);
      // Capabilities carried in the path (hand-off tokens, service codes) are not ids of someone else's record.
      expect([...skipped].sort()).toEqual(expect.arrayContaining(['token']));
      expect(tried.filter((t) => t.includes('/butler/tickets/{id}')).length).toBeGreaterThan(3);
      expect(tried.some((t) => t.includes('/resources/{id}/service-codes'))).toBe(true);
      expect((await victim.get(`/api/v1/orders/${id}`)).json().status).toBe('draft');
      expect((await victim.get(`/api/v1/orders/${id}`)).json().materials).toHaveLength(2);
      expect((await victim.get(`/api/v1/butler/tickets/${ticket.json().id}`)).json()).toMatchObject({ status: ticket.json().status, version: ticket.json().version });
      expect((await victim.get('/api/v1/service-codes')).json().items).toEqual([]);
    });
  });

  describe('which filings use my ID?', () => {
    const codeTexted = async (mobile: string) => {
      const items = (await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string; body: string }[];
      return items.filter((m) => m.template === 'privacy.id_check_code').map((m) => /验证码 (\d{6})/.exec(m.body)![1]!);
    };

    it('limits starting checks per address (10 an hour), per ID number and per mobile (5 an hour each, from any address)', async () => {
      const person = platform.client();
      const start = (idNumber: string, mobile: string, remoteAddress: string) => person.post('/api/v1/id-check', { idNumber, mobile }, { remoteAddress });
      // Well-formed ID numbers of one county (their check characters computed); mobiles on record nowhere. Every
      // answer that is not refused is the same neutral 202.
      const id = (n: number) => { const first17 = `11010119900307${String(n).padStart(3, '0')}`; return first17 + gb11643CheckChar(first17); };
      const statuses = async (calls: Array<() => Promise<{ statusCode: number }>>) => {
        const out: number[] = [];
        for (const call of calls) out.push((await call()).statusCode);
        return out;
      };
      // One ID from six addresses and six mobiles: the sixth is refused.
      expect(await statuses(Array.from({ length: 6 }, (_, i) => () => start(id(1), `1390000000${i}`, `198.51.100.${i + 1}`)))).toEqual([202, 202, 202, 202, 202, 429]);
      // One mobile with six IDs from six addresses: the sixth is refused.
      expect(await statuses(Array.from({ length: 6 }, (_, i) => () => start(id(10 + i), '13911112222', `198.51.100.${i + 11}`)))).toEqual([202, 202, 202, 202, 202, 429]);
      // One address, eleven people: the eleventh is refused whoever it asks about.
      expect(await statuses(Array.from({ length: 11 }, (_, i) => () => start(id(100 + i), `138000010${String(i).padStart(2, '0')}`, '203.0.113.99')))).toEqual([...Array(10).fill(202), 429]);
    });

    it('shows the person every filing using the ID after the SMS code, takes a misuse report and has staff answer it within 3 workdays', async () => {
      const subject = await filedSubject('owner@example.com');
      const { mobile, idNumber } = buildDraft().subject.leader;
      const person = platform.client();
      const started = await person.post('/api/v1/id-check', { idNumber, mobile });
      expect(started.statusCode).toBe(202);
      const [code] = await codeTexted(mobile);
      expect(code).toBeDefined();
      const wrong = await person.post('/api/v1/id-check/confirm', { checkId: started.json().checkId, code: code === '000000' ? '111111' : '000000' });
      expect(wrong.statusCode).toBe(400);
      const results = await person.post('/api/v1/id-check/confirm', { checkId: started.json().checkId, code });
      expect(results.statusCode, results.body).toBe(200);
      expect(results.json().idNumber).not.toBe(idNumber);
      expect(results.json().subjects).toEqual([
        expect.objectContaining({ number: subject, roles: ['subject_leader', 'service_leader'], services: [expect.objectContaining({ number: `${subject}-1`, domain: 'yunqi-demo.cn' })] }),
      ]);
      expect(results.json().orders[0]).toMatchObject({ status: 'approved', roles: ['subject_leader', 'service_leader'] });
      // With dates: when the subject and its service were approved, when the order was made and submitted.
      const owner = platform.client();
      expect((await owner.login('owner@example.com', 'correct horse')).statusCode).toBe(200);
      const onRecord = (await owner.get(`/api/v1/filings/${encodeURIComponent(subject)}`)).json();
      expect(results.json().subjects[0].approvedAt).toBe(onRecord.approvedAt);
      expect(results.json().subjects[0].services[0].approvedAt).toBe(onRecord.services[0].approvedAt);
      expect(Date.parse(results.json().orders[0].submittedAt)).toBeGreaterThan(Date.parse(results.json().orders[0].createdAt) - 1);
      expect(JSON.stringify(results.json())).not.toContain(idNumber);

      const report = await person.post('/api/v1/id-check/reports', { accessToken: results.json().accessToken, reference: subject, note: '我没有办理过这个备案' });
      expect(report.statusCode, report.body).toBe(201);
      // Three workdays on the application clock (a weekend in between makes it five days).
      const days = (Date.parse(report.json().dueAt) - platform.clock.now().getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(2.9);
      expect(days).toBeLessThan(5.1);
      const compliance = await staffClient(platform, 'compliance@example.com');
      // The staff who answer are told at once (in the console and by e-mail), without the person's data.
      await platform.drain();
      const notices = (await compliance.get('/api/v1/notices')).json().items as { topic: string; title: { zh: string }; body: { zh: string }; link: string }[];
      const told = notices.find((n) => n.topic === 'privacy.misuse_reported');
      expect(told).toMatchObject({ link: '/privacy/reports', title: { zh: expect.stringContaining(report.json().reference) } });
      expect(told!.body.zh).toMatch(/前答复/);
      expect(JSON.stringify(told)).not.toContain(mobile);
      const mails = (await platform.client().get('/api/v1/dev/outbox?to=admin@example.com')).json().items as { template: string }[];
      expect(mails.map((m) => m.template)).toContain('privacy.misuse_reported');
      const queue = await compliance.get('/api/v1/id-check/reports?status=open');
      expect(queue.json().items).toEqual([expect.objectContaining({ reference: report.json().reference, subjectNumber: subject, isOverdue: false, note: '我没有办理过这个备案' })]);
      expect((await (await staffClient(platform, 'butler@example.com')).get('/api/v1/id-check/reports')).statusCode).toBe(403);
      const answered = await compliance.post(`/api/v1/id-check/reports/${report.json().id}/answer`, { answer: '已核实为冒用，已取消该备案的接入并通知主体' });
      expect(answered.json().status).toBe('answered');
      const texts = (await platform.client().get(`/api/v1/dev/outbox?to=${mobile}`)).json().items as { template: string; body: string }[];
      expect(texts.find((m) => m.template === 'privacy.misuse_answered')?.body).toContain(report.json().reference);
      const trail = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('entity_type', 'in', ['id_check', 'misuse_report']).orderBy('id').execute();
      expect(trail.map((t) => t.action)).toEqual(['id_check_code_sent', 'id_check_viewed', 'misuse_reported', 'misuse_answered']);
    });

    /** Starts a check and confirms it with the code texted; the results. */
    async function checkedId(idNumber: string, mobile: string) {
      const person = platform.client();
      const started = await person.post('/api/v1/id-check', { idNumber, mobile });
      expect(started.statusCode).toBe(202);
      const [code] = await codeTexted(mobile);
      expect(code, 'a code is texted when the pair is on record').toBeDefined();
      const results = await person.post('/api/v1/id-check/confirm', { checkId: started.json().checkId, code });
      expect(results.statusCode, results.body).toBe(200);
      return { person, results: results.json() };
    }

    it('finds a filing imported from the provider’s earlier system, which has no order here', async () => {
      const idNumber = withIdCheck('11010519850312003');
      const file = join(platform.dataDir, 'earlier-system.csv');
      writeFileSync(file, [
        'subject_number,subject_nature,subject_name,certificate_type,certificate_number,province,leader_name,leader_mobile,leader_email,filed_on,service_number,service_name,service_domains,access_state',
        `京ICP备2019000002号,individual,李娜,resident_id,${idNumber},110000,李娜,13800000012,,2019-03-01,京ICP备2019000002号-1,李娜的博客,lina-blog.com,`,
      ].join('\n') + '\n');
      await importFilings(platform.ctx, SYSTEM_ACTOR, { path: file });
      expect(await platform.ctx.db.selectFrom('orders').select('id').execute()).toEqual([]);

      const { person, results } = await checkedId(idNumber, '13800000012');
      expect(results.subjects).toEqual([
        expect.objectContaining({
          number: '京ICP备2019000002号',
          name: expect.not.stringContaining('李娜'),
          roles: ['subject_leader'],
          approvedAt: '2019-02-28T16:00:00.000Z',
          services: [expect.objectContaining({ number: '京ICP备2019000002号-1', domain: 'lina-blog.com' })],
        }),
      ]);
      expect(results.orders).toEqual([]);
      expect(JSON.stringify(results)).not.toContain(idNumber);
      const report = await person.post('/api/v1/id-check/reports', { accessToken: results.accessToken, reference: '京ICP备2019000002号', note: '这个博客不是我备案的' });
      expect(report.statusCode, report.body).toBe(201);
      // The wrong mobile for that ID still texts nothing.
      const other = await platform.client().post('/api/v1/id-check', { idNumber, mobile: '13800000099' });
      expect(other.statusCode).toBe(202);
      expect(await codeTexted('13800000099')).toEqual([]);
    });

    it('tells the answering staff again when a report passes its 3 workdays unanswered, and marks it overdue', async () => {
      const subject = await filedSubject('owner@example.com');
      const { mobile, idNumber } = buildDraft().subject.leader;
      const { person, results } = await checkedId(idNumber, mobile);
      const report = (await person.post('/api/v1/id-check/reports', { accessToken: results.accessToken, reference: subject, note: '不是我' })).json();
      const admin = await staffClient(platform, 'admin@example.com');
      await platform.advance(24 * 2);
      expect((await admin.get('/api/v1/id-check/reports?status=open')).json().items[0].isOverdue).toBe(false);
      await platform.advance(24 * 4); // past 3 workdays, whatever weekend fell between
      const open = (await admin.get('/api/v1/id-check/reports?status=open')).json().items;
      expect(open).toEqual([expect.objectContaining({ reference: report.reference, isOverdue: true })]);
      const topics = ((await admin.get('/api/v1/notices')).json().items as { topic: string }[]).map((n) => n.topic);
      expect(topics).toEqual(expect.arrayContaining(['privacy.misuse_reported', 'privacy.misuse_overdue']));
      const actions = (await platform.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('entity_id', '=', report.id).orderBy('id').execute()).map((a) => a.action);
      expect(actions).toEqual(['misuse_reported', 'misuse_overdue']);
      const answered = await admin.post(`/api/v1/id-check/reports/${report.id}/answer`, { answer: '已核实并处理' });
      expect(answered.statusCode).toBe(200);
      const late = await platform.ctx.db.selectFrom('audit_log').select(['data']).where('entity_id', '=', report.id).where('action', '=', 'misuse_answered').executeTakeFirstOrThrow();
      expect(late.data).toMatchObject({ isLate: true });
    });

    it('answers the same when nothing matches, texts no one, and limits tries', async () => {
      await applicantClient(platform);
      const { mobile, idNumber } = buildDraft().subject.leader;
      const person = platform.client();
      const unknownId = await person.post('/api/v1/id-check', { idNumber: '110105194912310029', mobile });
      const wrongMobile = await person.post('/api/v1/id-check', { idNumber, mobile: '13912345678' });
      for (const answer of [unknownId, wrongMobile]) {
        expect(answer.statusCode).toBe(202);
        expect(Object.keys(answer.json()).sort()).toEqual(['checkId', 'expiresInMinutes', 'message']);
      }
      expect(await codeTexted(mobile)).toEqual([]);
      expect(await codeTexted('13912345678')).toEqual([]);
      for (let n = 0; n < 5; n += 1) expect((await person.post('/api/v1/id-check/confirm', { checkId: unknownId.json().checkId, code: String(100000 + n) })).statusCode).toBe(400);
      for (let n = 0; n < 4; n += 1) await person.post('/api/v1/id-check', { idNumber, mobile: '13912345678' }, { remoteAddress: `10.2.0.${n}` });
      expect((await person.post('/api/v1/id-check', { idNumber, mobile: '13912345670' }, { remoteAddress: '10.3.0.1' })).statusCode).toBe(429);
    });
  });
});

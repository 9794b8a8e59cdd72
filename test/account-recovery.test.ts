import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

type Message = { template: string; body: string; subject: string | null; to: string };
type FieldError = { code: string; message: { zh: string; en: string }; details?: { fields?: { path: string; message: { zh: string; en: string } }[] } };

describe.each(testDatabases())('account recovery on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  const owner = { email: 'owner@example.com', password: 'correct horse' };
  const leaderMobile = buildDraft().subject.leader.mobile;

  async function messagesTo(to: string, template?: string): Promise<Message[]> {
    const items = (await platform.client().get(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)).json().items as Message[];
    return template ? items.filter((m) => m.template === template) : items;
  }

  /** The token of the newest reset link e-mailed to an address. */
  async function resetTokenFor(email: string): Promise<string> {
    const [mail] = await messagesTo(email, 'account.password_reset_requested');
    const token = /\/reset-password\?token=([A-Za-z0-9_%-]+)/.exec(mail?.body ?? '')?.[1];
    expect(token, 'a reset link in the outbox').toBeDefined();
    return decodeURIComponent(token!);
  }

  const fieldPaths = (body: FieldError) => (body.details?.fields ?? []).map((f) => f.path);

  /** Files the standard draft all the way to numbers (as test/filing-changes.test.ts does); returns the subject number. */
  async function filed(applicant: TestClient, reviewer: TestClient): Promise<string> {
    const id = await preparedOrder(applicant, buildDraft());
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile: leaderMobile, code: await smsCodeFor(applicant, leaderMobile) });
    await platform.advance(24 * 25);
    await applicant.login(owner.email, owner.password);
    expect(await statusOf(applicant, id)).toBe('approved');
    return (await applicant.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
  }

  describe('forgotten password', () => {
    it('e-mails a single-use link; the new password works, the old one and every old session do not', async () => {
      const applicant = await applicantClient(platform, owner.email);
      const anonymous = platform.client();
      const asked = await anonymous.post('/api/v1/auth/password-reset', { email: 'Owner@Example.com' });
      expect(asked.statusCode).toBe(202);
      expect(asked.json().message.zh).toMatch(/30 分钟/);

      const [mail] = await messagesTo(owner.email, 'account.password_reset_requested');
      expect(mail!.body).toContain(`${platform.ctx.config.publicUrl}/reset-password?token=`);
      const token = await resetTokenFor(owner.email);
      // Only a hash of the token is stored, and the outbox event no longer carries it once the mail is out.
      const stored = await platform.ctx.db.selectFrom('password_reset_tokens').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.id).not.toBe(token);
      const events = await platform.ctx.db.selectFrom('outbox').select(['payload']).where('topic', '=', 'account.password_reset_requested').execute();
      expect(JSON.stringify(events)).not.toContain(token);

      const confirmed = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: 'a brand new one' });
      expect(confirmed.statusCode, confirmed.body).toBe(204);

      expect((await applicant.get('/api/v1/auth/me')).statusCode).toBe(401);
      expect((await platform.client().login(owner.email, owner.password)).statusCode).toBe(401);
      expect((await platform.client().login(owner.email, 'a brand new one')).statusCode).toBe(200);
      // The owner is told the password changed.
      expect(await messagesTo(owner.email, 'account.password_changed')).toHaveLength(1);
      const audit = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'user').execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['password_reset_requested', 'password_reset']));

      // Single use.
      const again = await anonymous.post('/api/v1/auth/password-reset/confirm', { token, password: 'yet another one' });
      expect(again.statusCode).toBe(400);
      expect(fieldPaths(again.json().error)).toEqual(['body.token']);
      expect((await platform.client().login(owner.email, 'a brand new one')).statusCode).toBe(200);
    });

    it('clears the login failures that locked the account', async () => {
      await applicantClient(platform, owner.email);
      const guesser = platform.client();
      for (let attempt = 1; attempt <= 5; attempt += 1) await guesser.login(owner.email, `guess ${attempt}`);
      expect((await guesser.login(owner.email, owner.password)).statusCode).toBe(429);
      await platform.client().post('/api/v1/auth/password-reset', { email: owner.email });
      const token = await resetTokenFor(owner.email);
      expect((await platform.client().post('/api/v1/auth/password-reset/confirm', { token, password: 'a brand new one' })).statusCode).toBe(204);
      expect((await platform.client().login(owner.email, 'a brand new one')).statusCode).toBe(200);
    });

    it('answers an unknown e-mail exactly as a registered one, and sends nothing', async () => {
      await applicantClient(platform, owner.email);
      const known = await platform.client().post('/api/v1/auth/password-reset', { email: owner.email });
      const unknown = await platform.client().post('/api/v1/auth/password-reset', { email: 'nobody@example.com' });
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.body).toBe(known.body);
      expect(await messagesTo('nobody@example.com')).toEqual([]);
    });

    it('refuses a link after 30 minutes on the application clock', async () => {
      await applicantClient(platform, owner.email);
      await platform.client().post('/api/v1/auth/password-reset', { email: owner.email });
      const token = await resetTokenFor(owner.email);
      await platform.advance(0.5);
      await platform.advance(1 / 3600);
      const late = await platform.client().post('/api/v1/auth/password-reset/confirm', { token, password: 'a brand new one' });
      expect(late.statusCode).toBe(400);
      const error = late.json().error as FieldError;
      expect(fieldPaths(error)).toEqual(['body.token']);
      expect(error.details!.fields![0]!.message.zh).toMatch(/过期/);
      expect(error.details!.fields![0]!.message.en).toMatch(/expired/);
      expect((await platform.client().login(owner.email, owner.password)).statusCode).toBe(200);
    });

    it('names the field of bad input, in Chinese and English', async () => {
      const client = platform.client();
      const badEmail = await client.post('/api/v1/auth/password-reset', { email: 'not-an-email' });
      expect(badEmail.statusCode).toBe(400);
      expect(fieldPaths(badEmail.json().error)).toEqual(['body.email']);

      const unknownToken = await client.post('/api/v1/auth/password-reset/confirm', { token: 'made-up', password: 'long enough to pass' });
      expect(unknownToken.statusCode).toBe(400);
      expect(fieldPaths(unknownToken.json().error)).toEqual(['body.token']);
      expect(unknownToken.json().error.details.fields[0].message.zh).toMatch(/\p{Script=Han}/u);

      const short = await client.post('/api/v1/auth/password-reset/confirm', { token: 'made-up', password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(fieldPaths(short.json().error)).toEqual(['body.password']);
    });

    it('limits requests for one e-mail', async () => {
      await applicantClient(platform, owner.email);
      for (let n = 1; n <= 3; n += 1) {
        expect((await platform.client().post('/api/v1/auth/password-reset', { email: owner.email }, { remoteAddress: `10.0.0.${n}` })).statusCode).toBe(202);
      }
      const fourth = await platform.client().post('/api/v1/auth/password-reset', { email: owner.email }, { remoteAddress: '10.0.0.4' });
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBeDefined();
    });
  });

  describe('forgotten login name', () => {
    it('texts a code to the filed leader’s mobile for www. and upper case, then the login e-mail on the right code', async () => {
      const applicant = await applicantClient(platform, owner.email);
      const reviewer = await staffClient(platform);
      await filed(applicant, reviewer);

      const lookup = await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'WWW.Yunqi-Demo.CN' });
      expect(lookup.statusCode, lookup.body).toBe(202);
      expect(lookup.json()).toMatchObject({ sent: true, mobile: '138****0001', expiresInMinutes: 10 });
      expect(lookup.body).not.toContain(leaderMobile);
      expect(lookup.body).not.toContain(owner.email);

      const [text] = await messagesTo(leaderMobile, 'account.login_name_code');
      const code = /验证码 (\d{6})/.exec(text?.body ?? '')?.[1];
      expect(code).toBeDefined();

      const confirmed = await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'www.yunqi-demo.cn', code });
      expect(confirmed.statusCode, confirmed.body).toBe(204);
      const [loginName] = await messagesTo(leaderMobile, 'account.login_name_confirmed');
      expect(loginName!.body).toContain(owner.email);
      expect(loginName!.body).toContain('yunqi-demo.cn');

      // The code worked once.
      expect((await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'yunqi-demo.cn', code })).statusCode).toBe(400);
      const audit = await platform.ctx.db.selectFrom('audit_log').select(['action', 'data']).where('action', 'in', ['login_name_code_sent', 'login_name_sent']).execute();
      expect(audit.map((a) => a.action).sort()).toEqual(['login_name_code_sent', 'login_name_sent']);
      expect(JSON.stringify(audit)).not.toContain(leaderMobile);
    });

    it('locks the code after five wrong tries, even for the right code', async () => {
      const applicant = await applicantClient(platform, owner.email);
      await filed(applicant, await staffClient(platform));
      expect((await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'yunqi-demo.cn' })).json().sent).toBe(true);
      const [text] = await messagesTo(leaderMobile, 'account.login_name_code');
      const code = /验证码 (\d{6})/.exec(text!.body)![1]!;
      const wrong = code === '000000' ? '111111' : '000000';
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const response = await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'yunqi-demo.cn', code: wrong });
        expect(response.statusCode).toBe(400);
        expect(fieldPaths(response.json().error)).toEqual(['body.code']);
      }
      const locked = await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'yunqi-demo.cn', code });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.details.fields[0].path).toBe('body.code');
      expect(await messagesTo(leaderMobile, 'account.login_name_confirmed')).toEqual([]);
    });

    it('refuses a code after 10 minutes', async () => {
      const applicant = await applicantClient(platform, owner.email);
      await filed(applicant, await staffClient(platform));
      await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'yunqi-demo.cn' });
      const code = /验证码 (\d{6})/.exec((await messagesTo(leaderMobile, 'account.login_name_code'))[0]!.body)![1]!;
      await platform.advance(10 / 60 + 1 / 3600);
      expect((await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'yunqi-demo.cn', code })).statusCode).toBe(400);
    });

    it('gives an unknown domain the neutral answer with the manual route, and texts no one', async () => {
      const lookup = await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'www.not-filed-here.cn' });
      expect(lookup.statusCode).toBe(202);
      expect(lookup.json()).toEqual({ sent: false, hint: { zh: expect.stringMatching(/3 个工作日/), en: expect.stringMatching(/3 workdays/) } });
      expect((await platform.ctx.db.selectFrom('sent_messages').select('id').execute()).length).toBe(0);
      const confirm = await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'not-filed-here.cn', code: '123456' });
      expect(confirm.statusCode).toBe(400);
      expect(fieldPaths(confirm.json().error)).toEqual(['body.code']);
    });

    it('names the field of a bad domain or code', async () => {
      const badDomain = await platform.client().post('/api/v1/auth/login-name/lookup', { domain: '47.96.1.10' });
      expect(badDomain.statusCode).toBe(400);
      expect(fieldPaths(badDomain.json().error)).toEqual(['body.domain']);
      const badCode = await platform.client().post('/api/v1/auth/login-name/confirm', { domain: 'yunqi-demo.cn', code: '12ab' });
      expect(badCode.statusCode).toBe(400);
      expect(fieldPaths(badCode.json().error)).toEqual(['body.code']);
    });

    it('limits look-ups of one domain, from any address', async () => {
      for (let n = 1; n <= 5; n += 1) {
        expect((await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'example-target.cn' }, { remoteAddress: `10.0.1.${n}` })).statusCode).toBe(202);
      }
      expect((await platform.client().post('/api/v1/auth/login-name/lookup', { domain: 'www.example-target.cn' }, { remoteAddress: '10.0.1.9' })).statusCode).toBe(429);
    });
  });
});

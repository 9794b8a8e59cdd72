import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegulatorRefusedError, RegulatorUnavailableError, type AccessChange } from '../src/regulator/index.ts';
import { loadConfig } from '../src/core/config.ts';
import { openPostgres } from '../src/core/db/database.ts';
import { createPlatform } from '../src/platform.ts';
import { testDatabases } from './support/databases.ts';
import { OWNER, OWNER_MOBILE, filedSubjectOf, sentWith } from './support/compliance.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026031234号';

describe.each(testDatabases())('revocation of access (取消接入) on $kind', (factory) => {
  let platform: TestPlatform;
  let owner: TestClient;
  let compliance: TestClient;
  const check = (host: string) => platform.client().get(`/api/v1/enforcement/check?host=${encodeURIComponent(host)}`, { headers: { accept: 'application/json' } });
  const revoke = (client: TestClient, body: unknown, subject = SUBJECT) => client.post(`/api/v1/filings/${encodeURIComponent(subject)}/access-revocations`, body);

  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    owner = await applicantClient(platform, OWNER);
    compliance = await staffClient(platform, 'compliance@example.com');
    await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn', 'yunqi-shop.cn']);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('takes the service off access: the check answers 403 within a second, the record, the public query and the regulator follow', async () => {
    expect((await check('www.yunqi-demo.cn')).statusCode).toBe(204);
    const response = await revoke(compliance, { services: [`${SUBJECT}-1`], reason: '空壳网站：域名未解析到本服务商的服务器' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ subjectNumber: SUBJECT, serviceNumbers: [`${SUBJECT}-1`], domains: ['yunqi-demo.cn'], source: 'staff', subjectLeftShell: false });

    // The background loop dispatches at once when an event is written; here the test dispatches, as enforcement tests do.
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 1000) {
      await platform.drain();
      status = (await check('www.yunqi-demo.cn')).statusCode;
      if (status === 403) break;
    }
    expect(status).toBe(403);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await check('yunqi-shop.cn')).statusCode).toBe(204);

    const filed = (await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json();
    expect(filed.services.map((s: { number: string; accessState: string }) => [s.number, s.accessState])).toEqual([
      [`${SUBJECT}-1`, 'revoked'],
      [`${SUBJECT}-2`, 'connected'],
    ]);
    expect(filed.history.at(-1)).toMatchObject({ kind: 'revoke_access', summary: expect.stringContaining('空壳网站') });
    expect(filed.shell).toMatchObject({ subject: false, services: [`${SUBJECT}-1`], next: { zh: expect.stringContaining('变更接入'), en: expect.any(String) } });

    const publicQuery = (await platform.client().get('/api/v1/public/filings?domain=yunqi-demo.cn')).json();
    expect(publicQuery.items[0]).toMatchObject({ serviceLicence: `${SUBJECT}-1`, limitAccess: '是' });

    // Told to the regulator through the port, after the revocation committed.
    const forwarded = await platform.ctx.db.selectFrom('access_revocations').select(['regulator_status', 'regulator_ref']).executeTakeFirstOrThrow();
    expect(forwarded.regulator_status).toBe('sent');
    const atRegulator = await platform.ctx.db.selectFrom('sim_access_changes').select('body').execute();
    expect(atRegulator.map((row) => row.body)).toEqual([expect.objectContaining({ action: 'revoke', subjectNumber: SUBJECT, serviceNumbers: [`${SUBJECT}-1`] })]);

    const audit = await platform.ctx.db.selectFrom('audit_log').select(['action', 'reason', 'to_status']).where('entity_id', '=', SUBJECT).where('action', '=', 'access.revoke').execute();
    expect(audit).toEqual([{ action: 'access.revoke', reason: '空壳网站：域名未解析到本服务商的服务器', to_status: 'revoked' }]);
  });

  it('notifies the owner by SMS, e-mail and in the console, and shows a subject left with nothing connected as shell', async () => {
    const response = await revoke(compliance, { services: [`${SUBJECT}-1`, `${SUBJECT}-2`], reason: '域名已过期，逾期未整改' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().subjectLeftShell).toBe(true);
    await platform.drain();

    const messages = await sentWith(platform, 'compliance.access_revoked');
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ['email', OWNER],
      ['sms', OWNER_MOBILE],
    ]);
    // The SMS is the registered template (short variables); the e-mail says the subject is left shell.
    expect(messages[1]!.body).toBe(`【OpenBeian】您的网站 ${SUBJECT}-1 等 2 个 已被取消接入，原因：域名已过期，逾期未整改。域名已无法通过本服务商访问；如主体已无正常接入的网站，请尽快重新接入或注销，详情请登录控制台查看。`);
    expect(messages[0]!.body).toContain('空壳主体');
    const notices = (await owner.get('/api/v1/notices')).json().items;
    expect(notices[0]).toMatchObject({ topic: 'compliance.access_revoked', title: { zh: '网站已被取消接入' }, link: `/filings/${encodeURIComponent(SUBJECT)}`, read: false });

    const filed = (await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json();
    expect(filed.shell.subject).toBe(true);
    expect(filed.shell.next.zh).toContain('空壳主体');
    // Zhejiang lets a shell subject add a service directly (one of the eleven provinces).
    expect(filed.shell.next.zh).toContain('允许空壳主体直接新增网站');
    expect((await check('yunqi-shop.cn')).statusCode).toBe(403);
  });

  it('refuses unknown services with 400 naming the field, a second revocation with 409, and anyone but compliance and admin', async () => {
    const unknown = await revoke(compliance, { services: ['浙ICP备2026099999号-1'], reason: '测试' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0]).toMatchObject({ path: 'body.services', message: { zh: expect.stringContaining('浙ICP备2026099999号-1') } });

    const noReason = await revoke(compliance, { services: [`${SUBJECT}-1`] });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('reason');

    expect((await revoke(compliance, { services: [`${SUBJECT}-1`], reason: '违规' })).statusCode).toBe(201);
    const again = await revoke(compliance, { services: [`${SUBJECT}-1`], reason: '违规' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ACCESS_ALREADY_REVOKED');
    expect(again.json().error.message.zh).toContain('已被取消');

    expect((await revoke(owner, { services: [`${SUBJECT}-2`], reason: '自行取消' })).statusCode).toBe(403);
    const reviewer = await staffClient(platform, 'reviewer@example.com');
    expect((await revoke(reviewer, { services: [`${SUBJECT}-2`], reason: '违规' })).statusCode).toBe(403);
    const admin = await staffClient(platform, 'admin@example.com');
    expect((await revoke(admin, { services: [`${SUBJECT}-2`], reason: '违规' })).statusCode).toBe(201);
    expect((await revoke(admin, { services: ['x-1'], reason: '违规' }, '浙ICP备2026000000号')).statusCode).toBe(404);
  });

  it('revokes here at once while the regulator is unreachable, tells it once it answers, and records a refusal', async () => {
    const real = platform.ctx.regulator;
    const answers: ('down' | 'refuse' | 'ok')[] = ['down', 'ok', 'refuse'];
    const seen: AccessChange[] = [];
    platform.ctx.regulator = {
      ...real,
      name: real.name,
      async changeAccess(change) {
        seen.push(change);
        const answer = answers.shift();
        if (answer === 'down') throw new RegulatorUnavailableError('gateway timeout');
        if (answer === 'refuse') throw new RegulatorRefusedError('the service is not filed with this provider');
        return real.changeAccess(change);
      },
    };
    const regulatorState = async (id: string) =>
      platform.ctx.db.selectFrom('access_revocations').select(['regulator_status', 'regulator_attempts', 'regulator_error']).where('id', '=', id).executeTakeFirstOrThrow();

    const first = (await revoke(compliance, { services: [`${SUBJECT}-1`], reason: '空壳网站' })).json();
    await platform.drain();
    expect(await check('www.yunqi-demo.cn').then((r) => r.statusCode)).toBe(403);
    expect(await regulatorState(first.id)).toMatchObject({ regulator_status: 'pending', regulator_attempts: 1, regulator_error: 'gateway timeout' });
    await platform.advance(0.1); // the job's backoff (30 s) passes
    expect(await regulatorState(first.id)).toMatchObject({ regulator_status: 'sent', regulator_attempts: 2, regulator_error: null });
    // A retry sends the same change id: the regulator files it once.
    expect(seen.map((c) => c.id)).toEqual([first.id, first.id]);

    const second = (await revoke(compliance, { services: [`${SUBJECT}-2`], reason: '域名过期' })).json();
    await platform.drain();
    expect(await regulatorState(second.id)).toMatchObject({ regulator_status: 'refused', regulator_error: 'the service is not filed with this provider' });
    const history = (await compliance.get(`/api/v1/compliance/filings/${encodeURIComponent(SUBJECT)}`)).json();
    expect(history.revocations.map((r: { regulator: { status: string } }) => r.regulator.status).sort()).toEqual(['refused', 'sent']);
    platform.ctx.regulator = real;
  });

  it.runIf(factory.kind === 'postgres')('blocks the domains on every process: a second platform on the same database answers 403 within a second', async () => {
    const database = await openPostgres(platform.ctx.database.pool.options.connectionString!, 3);
    const other = await createPlatform(loadConfig({ OPENBEIAN_MODE: 'test', LOG_LEVEL: 'silent', OPENBEIAN_DATA_DIR: platform.dataDir }), { database, clock: platform.clock, background: false });
    try {
      const otherCheck = async (host: string) => (await other.app.inject({ method: 'GET', url: `/api/v1/enforcement/check?host=${host}` })).statusCode;
      expect(await otherCheck('www.yunqi-demo.cn')).toBe(204);
      expect((await revoke(compliance, { services: [`${SUBJECT}-1`], reason: '空壳网站' })).statusCode).toBe(201);
      // This process dispatches the events; the other one only hears about them (NOTIFY).
      await platform.drain();
      const deadline = Date.now() + 1000;
      while (Date.now() < deadline && (await otherCheck('www.yunqi-demo.cn')) !== 403) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await otherCheck('www.yunqi-demo.cn')).toBe(403);
      expect(await otherCheck('www.yunqi-shop.cn')).toBe(204);
    } finally {
      await other.stop();
    }
  });
});

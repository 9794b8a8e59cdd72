import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/core/audit.ts';
import { recordSweepObservations, type SweepObservation } from '../src/compliance/index.ts';
import { testDatabases, type TestDatabaseFactory } from './support/databases.ts';
import { OWNER, OWNER_MOBILE, filedSubjectOf, sentWith } from './support/compliance.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026041234号';
const SHELL_EVIDENCE = { resolver: '127.0.0.1:5353', answers: ['203.0.113.9'], accessCidrs: ['47.96.0.0/16'] };
// The platform starts on Monday 2026-11-23 10:00 Shanghai time; five workdays end on Monday 30 November.
const SHELL_DEADLINE = '2026-11-30T15:59:59.999Z';
const HOURS_PAST_DEADLINE = 7 * 24 + 15;

describe.each(testDatabases())('compliance findings: notices, deadlines and decisions on $kind', (factory: TestDatabaseFactory) => {
  let platform: TestPlatform;
  let owner: TestClient;
  let compliance: TestClient;

  const check = async (host: string) => (await platform.client().get(`/api/v1/enforcement/check?host=${encodeURIComponent(host)}`)).statusCode;
  /** A DNS sweep's look at one domain of service 1 (or 2), as the sweep runner records it. */
  const sweep = async (domain: string, service: number, observations: SweepObservation[], kind: 'dns' | 'registrar' = 'dns') => {
    const result = await platform.ctx.db.transaction().execute((tx) =>
      recordSweepObservations(tx, platform.ctx.clock.now(), SYSTEM_ACTOR, { kind, id: null }, [{ domain, subjectNumber: SUBJECT, serviceNumber: `${SUBJECT}-${service}`, outcome: 'checked', observations }]),
    );
    await platform.drain();
    return result;
  };
  const shellSite = () => sweep('yunqi-demo.cn', 1, [{ code: 'SHELL_SITE', evidence: SHELL_EVIDENCE }]);
  const openFindings = async () => (await compliance.get('/api/v1/compliance/findings?status=open')).json().items as { id: string; code: string; deadline: string }[];
  const accessOf = async (service: number) =>
    ((await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json().services as { number: string; accessState: string }[]).find((s) => s.number === `${SUBJECT}-${service}`)!.accessState;

  async function start(env: Record<string, string> = {}) {
    platform = await startTestPlatform(factory, env);
    owner = await applicantClient(platform, OWNER);
    compliance = await staffClient(platform, 'compliance@example.com');
    await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn', 'yunqi-shop.cn']);
  }
  beforeEach(async () => {
    await start();
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('tells the owner of a new finding by SMS, e-mail and in the console, with what it means, what was seen and the deadline', async () => {
    expect(await shellSite()).toMatchObject({ opened: 1 });
    const messages = await sentWith(platform, 'compliance.finding_opened');
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ['email', OWNER],
      ['sms', OWNER_MOBILE],
    ]);
    // The SMS is the registered template: the finding and the deadline; what it means and what was seen are in the e-mail.
    expect(messages[1]!.body).toBe('【OpenBeian】您的网站 yunqi-demo.cn 合规核查发现问题：空壳网站。请于 2026年11月30日 23:59（北京时间）前完成整改，逾期未整改将被取消接入，详情请登录控制台查看。');
    const mail = messages[0]!.body;
    expect(mail).toContain('未解析到本服务商的境内服务器');
    expect(mail).toContain('203.0.113.9');
    expect(mail).toContain('2026年11月30日 23:59');
    expect(mail).toContain('Shell site');

    const notices = (await owner.get('/api/v1/notices')).json().items;
    expect(notices[0]).toMatchObject({ topic: 'compliance.finding_opened', title: { zh: '合规核查：空壳网站' }, body: { zh: expect.stringContaining('2026年11月30日') } });

    // The owner sees it on the filed subject: the code explained, the evidence, the deadline.
    const filed = (await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json();
    expect(filed.findings).toEqual([
      expect.objectContaining({
        code: 'SHELL_SITE',
        title: { zh: '空壳网站', en: 'Shell site' },
        explanation: { zh: expect.stringContaining('境内服务器'), en: expect.any(String) },
        serviceNumber: `${SUBJECT}-1`,
        domain: 'yunqi-demo.cn',
        evidence: SHELL_EVIDENCE,
        deadline: SHELL_DEADLINE,
        status: 'open',
        isOverdue: false,
      }),
    ]);

    // The compliance queue shows the same finding in the DESIGN §5.9 shape.
    const [item] = (await compliance.get('/api/v1/compliance/findings?status=open')).json().items;
    expect(item).toMatchObject({ kind: 'dns', code: 'SHELL_SITE', subjectNumber: SUBJECT, serviceNumber: `${SUBJECT}-1`, domain: 'yunqi-demo.cn', detectedAt: expect.stringMatching(/^2026-11-23T02:00/), deadline: SHELL_DEADLINE, status: 'open', evidence: SHELL_EVIDENCE });
  });

  it('revokes access once a finding is overdue: the service is revoked and the enforcement check answers 403', async () => {
    await shellSite();
    await platform.advance(24 * 7); // Monday 30 November, 10:00: still within the deadline
    expect(await accessOf(1)).toBe('connected');
    expect(await check('www.yunqi-demo.cn')).toBe(204);
    await platform.advance(HOURS_PAST_DEADLINE - 24 * 7);
    expect(await accessOf(1)).toBe('revoked');
    expect(await accessOf(2)).toBe('connected');
    expect(await check('www.yunqi-demo.cn')).toBe(403);
    expect(await check('www.yunqi-shop.cn')).toBe(204);

    const history = (await compliance.get(`/api/v1/compliance/filings/${encodeURIComponent(SUBJECT)}`)).json();
    expect(history.findings[0]).toMatchObject({ code: 'SHELL_SITE', status: 'revoked', decisionReason: '逾期未整改：空壳网站（SHELL_SITE）' });
    expect(history.hasMoreFindings).toBe(false);
    expect(history.revocations).toEqual([expect.objectContaining({ serviceNumbers: [`${SUBJECT}-1`], source: 'finding', findingId: history.findings[0].id, regulator: expect.objectContaining({ status: 'sent' }) })]);
    const sms = (await sentWith(platform, 'compliance.access_revoked')).find((m) => m.channel === 'sms');
    expect(sms?.body).toContain('逾期未整改');
    expect((await owner.get(`/api/v1/filings/${encodeURIComponent(SUBJECT)}`)).json().findings).toEqual([]);
  });

  it('extends a deadline: not revoked at the old deadline, revoked at the new one; the owner is told', async () => {
    await shellSite();
    const [finding] = await openFindings();
    const extended = await compliance.post(`/api/v1/compliance/findings/${finding!.id}/extend`, { workdays: 3, reason: '客户已提交迁移工单，给予宽限' });
    expect(extended.statusCode, extended.body).toBe(200);
    // Three workdays after Monday 30 November: Thursday 3 December.
    expect(extended.json()).toMatchObject({ status: 'open', deadline: '2026-12-03T15:59:59.999Z' });
    await platform.drain();
    expect((await sentWith(platform, 'compliance.finding_extended')).find((m) => m.channel === 'sms')?.body).toContain('2026年12月3日 23:59');

    await platform.advance(HOURS_PAST_DEADLINE);
    expect(await accessOf(1)).toBe('connected');
    expect(await check('www.yunqi-demo.cn')).toBe(204);
    await platform.advance(24 * 3);
    expect(await accessOf(1)).toBe('revoked');
    expect(await check('www.yunqi-demo.cn')).toBe(403);
  });

  it('never revokes a waived finding, nor one the next sweep found fixed', async () => {
    await shellSite();
    await sweep('yunqi-shop.cn', 2, [{ code: 'SHELL_SITE', evidence: { answers: ['198.51.100.7'] } }]);
    const findings = await openFindings();
    const waived = findings.find((f) => f.code === 'SHELL_SITE' && (f as unknown as { domain: string }).domain === 'yunqi-demo.cn')!;
    const response = await compliance.post(`/api/v1/compliance/findings/${waived.id}/waive`, { reason: '解析至本服务商境外节点，经核实为误报' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'waived', decisionReason: '解析至本服务商境外节点，经核实为误报' });
    await platform.drain();
    expect((await sentWith(platform, 'compliance.finding_waived')).length).toBeGreaterThan(0);

    // The owner of yunqi-shop.cn points it back here: the next sweep sees nothing wrong and closes the finding.
    await platform.advance(24);
    expect(await sweep('yunqi-shop.cn', 2, [])).toMatchObject({ closed: 1 });

    await platform.advance(HOURS_PAST_DEADLINE + 24 * 10);
    expect(await accessOf(1)).toBe('connected');
    expect(await accessOf(2)).toBe('connected');
    expect(await check('www.yunqi-demo.cn')).toBe(204);
    expect(await check('www.yunqi-shop.cn')).toBe(204);
    expect(await openFindings()).toEqual([]);
  });

  it('revokes now on a decision, refuses a second decision with 409, and keeps decisions to compliance', async () => {
    await shellSite();
    const [finding] = await openFindings();
    expect((await owner.post(`/api/v1/compliance/findings/${finding!.id}/revoke`, { reason: '空壳' })).statusCode).toBe(403);
    expect((await owner.get('/api/v1/compliance/findings')).statusCode).toBe(403);
    const noReason = await compliance.post(`/api/v1/compliance/findings/${finding!.id}/revoke`, {});
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json().error)).toContain('reason');

    const revoked = await compliance.post(`/api/v1/compliance/findings/${finding!.id}/revoke`, { reason: '空壳网站，客户确认已迁走' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revocation: { serviceNumbers: [`${SUBJECT}-1`], source: 'finding' } });
    await platform.drain();
    expect(await check('www.yunqi-demo.cn')).toBe(403);

    for (const action of ['revoke', 'waive']) {
      const again = await compliance.post(`/api/v1/compliance/findings/${finding!.id}/${action}`, { reason: '再次' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('FINDING_ALREADY_DECIDED');
    }
    const audit = await platform.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', finding!.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['compliance.finding.open', 'compliance.finding.revoke']);
  });

  it('filters the queue by status, code and subject, pages by cursor, earliest deadline first, and names a bad filter', async () => {
    await shellSite();
    await sweep('yunqi-shop.cn', 2, [{ code: 'DOMAIN_HOLDER_CHANGED', evidence: { holder: '另一家公司', subject: '杭州云栖示例科技有限公司' } }], 'registrar');
    await sweep('yunqi-demo.cn', 1, [{ code: 'DOMAIN_EXPIRED', evidence: { expiresOn: '2026-11-20' } }], 'registrar');

    const page1 = (await compliance.get('/api/v1/compliance/findings?status=open&limit=2')).json();
    // Both fall due on 30 November; the holder change has ten workdays.
    expect(page1.items.map((f: { code: string }) => f.code).sort()).toEqual(['DOMAIN_EXPIRED', 'SHELL_SITE']);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await compliance.get(`/api/v1/compliance/findings?status=open&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((f: { code: string }) => f.code)).toEqual(['DOMAIN_HOLDER_CHANGED']);
    expect(page2.nextCursor).toBeNull();

    const byCode = (await compliance.get('/api/v1/compliance/findings?code=DOMAIN_EXPIRED')).json().items;
    expect(byCode.map((f: { domain: string }) => f.domain)).toEqual(['yunqi-demo.cn']);
    expect((await compliance.get(`/api/v1/compliance/findings?subject=${encodeURIComponent('浙ICP备2026000001号')}`)).json().items).toEqual([]);
    expect((await compliance.get(`/api/v1/compliance/findings?subject=${encodeURIComponent(SUBJECT)}`)).json().items).toHaveLength(3);

    const badCode = await compliance.get('/api/v1/compliance/findings?code=NOPE');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.fields[0].path).toBe('query.code');
    const badCursor = await compliance.get('/api/v1/compliance/findings?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details.fields[0].path).toBe('query.cursor');
  });
});

describe.each(testDatabases())('rectification workdays set by the provider on $kind', (factory) => {
  it('gives each code the workdays of OPENBEIAN_RECTIFICATION_WORKDAYS, others their default', async () => {
    const platform = await startTestPlatform(factory, { OPENBEIAN_RECTIFICATION_WORKDAYS: 'SHELL_SITE=2' });
    try {
      await applicantClient(platform, OWNER);
      const compliance = await staffClient(platform, 'compliance@example.com');
      await filedSubjectOf(platform, OWNER, SUBJECT, ['yunqi-demo.cn']);
      await platform.ctx.db.transaction().execute((tx) =>
        recordSweepObservations(tx, platform.ctx.clock.now(), SYSTEM_ACTOR, { kind: 'dns', id: null }, [
          { domain: 'yunqi-demo.cn', subjectNumber: SUBJECT, serviceNumber: `${SUBJECT}-1`, outcome: 'checked', observations: [{ code: 'SHELL_SITE', evidence: SHELL_EVIDENCE }] },
        ]),
      );
      const [item] = (await compliance.get('/api/v1/compliance/findings')).json().items;
      // Two workdays after Monday 23 November: Wednesday 25 November.
      expect(item.deadline).toBe('2026-11-25T15:59:59.999Z');
    } finally {
      await platform.stop();
    }
  });
});

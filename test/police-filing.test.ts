import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { OWNER, filedSubjectOf, sentWith } from './support/compliance.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { hostOf, startLocalSites } from './support/local-sites.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const SUBJECT = '浙ICP备2026061234号';
const DOMAIN = 'police-demo.cn';
const POLICE = '33010602012345';
const PASSWORD = 'correct horse';

const guideUrl = (subject = SUBJECT) => `/api/v1/filings/${encodeURIComponent(subject)}/services/1/police-filing`;
const hoursUntil = (platform: TestPlatform, beijingTime: string) => (Date.parse(`${beijingTime}+08:00`) - platform.clock.now().getTime()) / 3600_000;

describe.each(testDatabases())('the police number in the footer sweep on $kind', (factory) => {
  let sites: Awaited<ReturnType<typeof startLocalSites>>;
  let platform: TestPlatform | undefined;
  /** What the owner's home page shows in its footer besides the linked ICP number. */
  let footerExtra = '';

  beforeAll(async () => {
    sites = await startLocalSites((request, response) => {
      if (hostOf(request) !== DOMAIN) {
        response.writeHead(404);
        return response.end();
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html><head><title>示例</title></head><body><main>欢迎</main><footer><a href="https://beian.miit.gov.cn/">${SUBJECT}-1</a> ${footerExtra}</footer></body></html>`);
    });
  });
  afterAll(() => sites.close());
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
    footerExtra = '';
  });

  it('asks the home page for the recorded police number only 30 days after it was recorded, and closes the finding once shown', async () => {
    platform = await startTestPlatform(factory, { OPENBEIAN_SWEEP_CONNECT_TO: `*:443=127.0.0.1:${sites.httpsPort},*:80=127.0.0.1:${sites.httpPort}` });
    const p = platform;
    const owner = await applicantClient(p, OWNER);
    await filedSubjectOf(p, OWNER, SUBJECT, [DOMAIN]);
    const today = new Date(p.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const recorded = await owner.put(guideUrl(), { launchedOn: today, policeNumber: POLICE });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const recordedAt = Date.parse(recorded.json().recordedAt as string);
    const guide = (await owner.get(guideUrl())).json();
    expect(guide.footerCheckedFrom).toBe(new Date(recordedAt + 30 * 24 * 3600_000).toISOString());

    const compliance = await staffClient(p, 'compliance@example.com');
    const sweep = async () => {
      await compliance.login('compliance@example.com', 'openbeian-demo');
      const started = await compliance.post('/api/v1/compliance/sweeps', { kind: 'footer' });
      expect(started.statusCode, started.body).toBe(202);
      await p.drain();
      const run = (await compliance.get(`/api/v1/compliance/sweeps/${started.json().id}`)).json();
      expect(run).toMatchObject({ status: 'done', done: 1, failed: 0 });
      return (await compliance.get('/api/v1/compliance/findings?status=open')).json().items as { code: string; domain: string; evidence: { expected?: string } }[];
    };

    // Recorded today: the site has 30 days to put the number up, so its absence is no finding yet.
    expect(await sweep()).toEqual([]);
    await p.advance((recordedAt + 30 * 24 * 3600_000 - p.clock.now().getTime()) / 3600_000 - 1);
    expect(await sweep()).toEqual([]);

    // Day 30 has passed and the footer still lacks it.
    await p.advance(2);
    const findings = await sweep();
    expect(findings).toEqual([expect.objectContaining({ code: 'FOOTER_POLICE_NUMBER_MISSING', domain: DOMAIN, evidence: expect.objectContaining({ expected: POLICE }) })]);

    // The owner pastes the footer code with the police number; the next sweep sees it and closes the finding.
    footerExtra = `<a href="https://beian.mps.gov.cn/#/query/webSearch?code=${POLICE}">浙公网安备${POLICE}号</a>`;
    await p.advance(1);
    expect(await sweep()).toEqual([]);
  });

  it('does not ask for a police number nobody recorded', async () => {
    platform = await startTestPlatform(factory, { OPENBEIAN_SWEEP_CONNECT_TO: `*:443=127.0.0.1:${sites.httpsPort},*:80=127.0.0.1:${sites.httpPort}` });
    const owner = await applicantClient(platform, OWNER);
    await filedSubjectOf(platform, OWNER, SUBJECT, [DOMAIN]);
    const today = new Date(platform.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await owner.put(guideUrl(), { launchedOn: today })).statusCode).toBe(200);
    await platform.advance(24 * 40);
    const compliance = await staffClient(platform, 'compliance@example.com');
    expect((await compliance.post('/api/v1/compliance/sweeps', { kind: 'footer' })).statusCode).toBe(202);
    await platform.drain();
    expect((await compliance.get('/api/v1/compliance/findings?status=open')).json().items).toEqual([]);
  });
});

describe.each(testDatabases())('the police filing clock over weekends and the Spring Festival on $kind', (factory) => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  it('counts 30 calendar days through the holiday and reminds on day 20 and 27 even when they fall in it', async () => {
    // Launched Monday 26 January 2026: day 20 is Sunday 15 February, day 27 Sunday 22 February (both in the Spring
    // Festival, 15–23 February), day 30 Wednesday 25 February. The police deadline does not stop for holidays: the
    // national platform takes filings every day, so the reminders go out on the day they are due.
    platform = await startTestPlatform(factory, {}, { start: new Date('2026-01-26T10:00:00+08:00') });
    const p = platform;
    const owner: TestClient = await applicantClient(p, OWNER);
    await filedSubjectOf(p, OWNER, SUBJECT, [DOMAIN]);
    const recorded = await owner.put(guideUrl(), { launchedOn: '2026-01-26' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ dueOn: '2026-02-25' });
    expect((await owner.get(guideUrl())).json().reminders).toEqual([
      { day: 20, at: '2026-02-15T01:00:00.000Z', state: 'scheduled' },
      { day: 27, at: '2026-02-22T01:00:00.000Z', state: 'scheduled' },
    ]);

    await p.advance(hoursUntil(p, '2026-02-15T08:59:00'));
    expect(await sentWith(p, 'police_filing.reminder_due')).toEqual([]);
    await p.advance(hoursUntil(p, '2026-02-15T09:01:00'));
    const first = await sentWith(p, 'police_filing.reminder_due');
    expect(first.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(first.find((m) => m.channel === 'email')!.body).toContain('须在 2026-02-25 前');
    expect(first.find((m) => m.channel === 'email')!.body).toContain('还剩 10 天');

    await p.advance(hoursUntil(p, '2026-02-22T09:01:00'));
    const second = (await sentWith(p, 'police_filing.reminder_due')).slice(2);
    expect(second.map((m) => m.body).join()).toContain('还剩 3 天');

    // The day after the deadline, still no number: the guide says it is overdue.
    await p.advance(hoursUntil(p, '2026-02-26T10:00:00'));
    await owner.login(OWNER, PASSWORD);
    expect((await owner.get(guideUrl())).json()).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });
});

describe.each(testDatabases())('the police filing guide of a filed service on $kind', (factory) => {
  let platform: TestPlatform | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  it('puts a blog at level 2, and names an unknown service number as the field in error, changing nothing', async () => {
    platform = await startTestPlatform(factory);
    const owner = await applicantClient(platform, OWNER);
    await filedSubjectOf(platform, OWNER, SUBJECT, [DOMAIN]);
    await platform.ctx.db.updateTable('filed_services').set({ content_types: ['个人博客'] }).where('number', '=', `${SUBJECT}-1`).execute();
    const guide = (await owner.get(guideUrl())).json();
    expect(guide.level).toBe(2);
    expect(guide.fields.find((f: { name: string }) => f.name === 'siteLevel')).toMatchObject({ value: '二级', source: 'rules' });

    const today = new Date(platform.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const ref of ['7', `${SUBJECT}-7`]) {
      const url = `/api/v1/filings/${encodeURIComponent(SUBJECT)}/services/${encodeURIComponent(ref)}/police-filing`;
      const read = await owner.get(url);
      expect(read.statusCode, ref).toBe(404);
      expect(read.json().error.details.fields[0]).toMatchObject({ path: 'params.serviceNumber', message: { zh: expect.stringContaining('没有这个网站备案号') } });
      const write = await owner.put(url, { launchedOn: today });
      expect(write.statusCode, ref).toBe(404);
      expect(write.json().error.details.fields[0].path).toBe('params.serviceNumber');
    }
    expect(await platform.ctx.db.selectFrom('police_filings').selectAll().execute()).toEqual([]);
  });

  it('takes the 网安 code from the provider’s own region where the rules have none (the documented way to extend the list)', async () => {
    // The example facts file: Wuhan is not in SPEC §9's list, the provider's cn-wuhan region carries its code.
    platform = await startTestPlatform(factory, { OPENBEIAN_PROVIDER_FACTS: 'docs/provider-facts.example.json' });
    const owner = await applicantClient(platform, OWNER);
    const admin = await staffClient(platform, 'admin@example.com');
    const server = await admin.post('/api/v1/resources', { email: OWNER, kind: 'ecs', label: 'web-1', region: 'cn-wuhan', isMainland: true, billing: 'subscription', paidMonths: 12, hasPublicBandwidth: true, publicIps: ['47.96.1.10'] });
    expect(server.statusCode, server.body).toBe(201);
    await filedSubjectOf(platform, OWNER, SUBJECT, [DOMAIN]);
    const guide = (await owner.get(guideUrl())).json();
    expect(guide).toMatchObject({ wanganCode: '420100000000', isDemoFacts: false, warnings: [] });
    expect(guide.fields.find((f: { name: string }) => f.name === 'wanganCode')).toMatchObject({ value: '420100000000', source: 'provider' });
    expect(guide.fields.find((f: { name: string }) => f.name === 'accessProviderName')).toMatchObject({ value: '示例云计算有限公司', source: 'provider' });
    expect(guide.fields.find((f: { name: string }) => f.name === 'serverAddress')).toMatchObject({ value: '湖北省武汉市东湖新技术开发区示例数据中心' });
  });
});

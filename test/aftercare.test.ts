import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordedPoliceNumber } from '../src/aftercare/index.ts';
import { shanghaiDate } from '../src/core/clock.ts';
import { addDays } from '../src/rules/index.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted, type Draft } from './support/journey.ts';
import { readPdf, squashed } from './support/pdf.ts';
import { startTestPlatform, type TestClient, type TestPlatform } from './support/platform.ts';

const OWNER = 'owner@example.com';
const PASSWORD = 'correct horse';

describe.each(testDatabases())('after approval: police filing, commercial licence, documents on $kind', (factory) => {
  let platform: TestPlatform;
  let owner: TestClient;
  let reviewer: TestClient;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
    owner = await applicantClient(platform, OWNER);
    reviewer = await staffClient(platform);
  });
  afterEach(async () => {
    await platform.stop();
  });

  /** The owner's server at this provider, in Hangzhou, on the draft's IP (registered as the billing system would). */
  async function ownServer(ips = ['47.96.1.10'], region = 'cn-hangzhou', email = OWNER) {
    const admin = await staffClient(platform, 'admin@example.com');
    const created = await admin.post('/api/v1/resources', { email, kind: 'ecs', label: 'web-1', region, isMainland: true, billing: 'subscription', paidMonths: 12, hasPublicBandwidth: true, publicIps: ips });
    expect(created.statusCode, created.body).toBe(201);
  }

  /** Files the draft all the way to numbers; returns the subject number (the clock has moved about 26 days). */
  async function filed(draft: Draft = buildDraft()): Promise<string> {
    const id = await preparedOrder(owner, draft);
    await submitted(owner, id);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    await platform.advance(24);
    const mobile = draft.subject.leader.mobile;
    await owner.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(owner, mobile) });
    await platform.advance(24 * 25);
    await relogin();
    expect(await statusOf(owner, id)).toBe('approved');
    return (await owner.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
  }

  async function relogin() {
    expect((await owner.login(OWNER, PASSWORD)).statusCode).toBe(200);
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
  }

  const today = () => shanghaiDate(platform.clock.now());
  const guideUrl = (subject: string, service = '1') => `/api/v1/filings/${encodeURIComponent(subject)}/services/${encodeURIComponent(service)}/police-filing`;
  const sent = async (template: string) =>
    (await platform.ctx.db.selectFrom('sent_messages').select(['channel', 'body']).where('template', '=', template).orderBy('id').execute()).map((m) => ({ channel: m.channel, body: platform.ctx.cipher.decrypt(m.body) }));
  const field = (guide: { fields: { name: string; value: string | null; source: string }[] }, name: string) => guide.fields.find((f) => f.name === name);

  it('pre-fills the police filing guide from the provider, the registrar, the record and the server, each with its source', async () => {
    await ownServer();
    const subject = await filed();
    const response = await owner.get(guideUrl(subject));
    expect(response.statusCode, response.body).toBe(200);
    const guide = response.json();
    expect(guide).toMatchObject({ status: 'not_launched', dueOn: null, policeNumber: null, level: 3, wanganCode: '330100000000', isDemoFacts: true, serviceNumber: `${subject}-1` });
    expect(field(guide, 'accessProviderName')).toMatchObject({ value: '开源备案演示云计算有限公司', source: 'provider' });
    expect(field(guide, 'accessMethod')).toMatchObject({ value: '租赁虚拟空间', source: 'provider' });
    expect(field(guide, 'accessProviderRegion')).toMatchObject({ value: '浙江省杭州市余杭区', source: 'provider' });
    expect(field(guide, 'accessProviderPhone')).toMatchObject({ value: '400-000-0000', source: 'provider' });
    expect(field(guide, 'accessProviderCode')).toMatchObject({ value: 'MA0000000', source: 'provider' });
    expect(field(guide, 'registrarName')).toMatchObject({ value: '阿里云计算有限公司', source: 'registrar' });
    expect(field(guide, 'registrarRegion')).toMatchObject({ value: '浙江省杭州市余杭区' });
    expect(field(guide, 'registrarPhone')).toMatchObject({ value: '95187' });
    expect(field(guide, 'serverIps')).toMatchObject({ value: '47.96.1.10', source: 'filing' });
    expect(field(guide, 'serverAddress')).toMatchObject({ value: '浙江省杭州市余杭区演示数据中心', source: 'provider' });
    expect(field(guide, 'serverCount')).toMatchObject({ value: '1', source: 'resource' });
    expect(field(guide, 'wanganCode')).toMatchObject({ value: '330100000000', source: 'rules' });
    expect(field(guide, 'siteLevel')).toMatchObject({ value: '三级', source: 'rules' });
    expect(field(guide, 'domains')).toMatchObject({ value: 'yunqi-demo.cn', source: 'filing' });
    expect(field(guide, 'siteNature')).toMatchObject({ value: '非经营性', source: 'filing' });
    expect(field(guide, 'techSupport')).toMatchObject({ value: buildDraft().subject.name, source: 'filing' });
    for (const f of guide.fields) expect(f.sourceNote.zh, f.name).toMatch(/\p{Script=Han}/u);
    expect(guide.warnings.map((w: { code: string }) => w.code)).toEqual(['DEMO_PROVIDER_FACTS']);
    // The service can be named by its number as well as by its sequence.
    expect((await owner.get(guideUrl(subject, `${subject}-1`))).json().serviceNumber).toBe(`${subject}-1`);
  });

  it('says what it cannot tell: an IP that is not the provider’s has no address, and a city without a known 网安 code', async () => {
    await ownServer(['47.96.1.10'], 'cn-guangzhou');
    const draft = buildDraft();
    draft.services[0]!.access.ips = ['47.96.1.10', '8.8.8.8'];
    const guide = (await owner.get(guideUrl(await filed(draft)))).json();
    expect(guide.wanganCode).toBeNull();
    expect(field(guide, 'wanganCode')).toMatchObject({ value: null });
    expect(guide.warnings.map((w: { code: string }) => w.code)).toEqual(['DEMO_PROVIDER_FACTS', 'IP_NOT_PROVIDER_RESOURCE', 'WANGAN_CODE_UNKNOWN']);
  });

  it('runs the 30-day clock: reminders on day 20 and day 27 at 09:00, by e-mail and SMS, and none after the police number', async () => {
    await ownServer();
    const subject = await filed();
    const launchedOn = addDays(today(), -3);
    const recorded = await owner.put(guideUrl(subject), { launchedOn });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ launchedOn, dueOn: addDays(launchedOn, 30), policeNumber: null });
    const guide = (await owner.get(guideUrl(subject))).json();
    expect(guide).toMatchObject({ status: 'open', dueOn: addDays(launchedOn, 30), daysLeft: 27 });
    expect(guide.reminders).toEqual([
      { day: 20, at: `${addDays(launchedOn, 20)}T01:00:00.000Z`, state: 'scheduled' },
      { day: 27, at: `${addDays(launchedOn, 27)}T01:00:00.000Z`, state: 'scheduled' },
    ]);

    // Day 20 at 08:00 Beijing time: nothing yet; at 10:00: the first reminder, ten days left.
    const until = (iso: string) => (new Date(iso).getTime() - platform.clock.now().getTime()) / 3600_000;
    await platform.advance(until(`${addDays(launchedOn, 20)}T00:00:00.000Z`));
    expect(await sent('police_filing.reminder_due')).toEqual([]);
    await platform.advance(2);
    const first = await sent('police_filing.reminder_due');
    expect(first.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect(first[0]!.body).toContain(`须在 ${addDays(launchedOn, 30)} 前`);
    expect(first[0]!.body).toContain('还剩 10 天');

    await platform.advance(until(`${addDays(launchedOn, 27)}T02:00:00.000Z`));
    const both = await sent('police_filing.reminder_due');
    expect(both).toHaveLength(4);
    expect(both[2]!.body).toContain('还剩 3 天');
    await relogin();
    expect((await owner.get(guideUrl(subject))).json().reminders.map((r: { state: string }) => r.state)).toEqual(['sent', 'sent']);
  });

  it('stops the reminders once the police number is in, and the footer then carries both numbers with their links', async () => {
    await ownServer();
    const subject = await filed();
    const launchedOn = today();
    expect((await owner.put(guideUrl(subject), { launchedOn })).statusCode).toBe(200);
    const withNumber = await owner.put(guideUrl(subject), { launchedOn, policeNumber: '浙公网安备 33010602012345号' });
    expect(withNumber.statusCode, withNumber.body).toBe(200);
    expect(withNumber.json()).toMatchObject({ policeNumber: '33010602012345', recordedAt: expect.stringMatching(new RegExp(`^${today()}|^${addDays(today(), -1)}`)) });
    expect(await recordedPoliceNumber(platform.ctx, `${subject}-1`)).toBe('33010602012345');

    const footer = (await owner.get(`/api/v1/filings/${encodeURIComponent(subject)}/footer?service=1`)).json();
    expect(footer.html).toContain(`<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener noreferrer">${subject}-1</a>`);
    expect(footer.html).toContain('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=33010602012345"');
    expect(footer.html).toContain('浙公网安备33010602012345号</a>');
    expect(footer.html).toMatch(/<img src="data:image\/svg\+xml,[^"]+" alt=""/);
    expect(footer.police).toEqual({ number: '33010602012345', text: '浙公网安备33010602012345号', link: 'https://beian.mps.gov.cn/#/query/webSearch?code=33010602012345' });

    const guide = (await owner.get(guideUrl(subject))).json();
    expect(guide).toMatchObject({ status: 'recorded', policeText: '浙公网安备33010602012345号', daysLeft: null });
    expect(guide.reminders.map((r: { state: string }) => r.state)).toEqual(['not_needed', 'not_needed']);
    await platform.advance(24 * 31);
    expect(await sent('police_filing.reminder_due')).toEqual([]);

    const audit = await platform.ctx.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', `${subject}-1`).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['police_launch_recorded', 'police_number_recorded']);
  });

  it('refuses a launch date in the future and a police number of the wrong shape, naming the field, and changes nothing', async () => {
    const subject = await filed();
    const future = await owner.put(guideUrl(subject), { launchedOn: addDays(today(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'FIELD_INVALID', details: { fields: [{ path: 'body.launchedOn' }] } });
    expect(future.json().error.details.fields[0].message.zh).toContain('不能晚于今天');

    for (const [policeNumber, says] of [
      ['3301060201234', '当前为13位'],
      ['11010502053253', '应以备案省份浙江省的代码33开头'],
      ['浙公网安备3301060201234X号', '14位数字'],
      ['京公网安备33010602012345号', '浙公网安备'],
    ]) {
      const wrong = await owner.put(guideUrl(subject), { launchedOn: today(), policeNumber });
      expect(wrong.statusCode, policeNumber).toBe(400);
      expect(wrong.json().error).toMatchObject({ code: 'FIELD_INVALID', details: { fields: [{ path: 'body.policeNumber' }] } });
      expect(wrong.json().error.details.fields[0].message.zh).toContain(says);
      expect(wrong.json().error.details.fields[0].message.en).toMatch(/[a-z]/);
    }
    const malformed = await owner.put(guideUrl(subject), { launchedOn: '2026-02-30' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details.fields[0].path).toBe('body.launchedOn');

    expect((await owner.get(guideUrl(subject))).json()).toMatchObject({ status: 'not_launched', launchedOn: null, policeNumber: null });
    expect(await platform.ctx.db.selectFrom('police_filings').selectAll().execute()).toEqual([]);
    expect(await platform.ctx.db.selectFrom('jobs').select('id').where('name', '=', 'aftercare.police_filing_reminder').execute()).toEqual([]);
  });

  it('shows another account nothing: guide, launch date, licence check and documents answer 404 and generate nothing', async () => {
    const subject = await filed();
    const orderId = (await owner.get('/api/v1/orders')).json().items[0].id as string;
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.get(guideUrl(subject))).statusCode).toBe(404);
    expect((await stranger.put(guideUrl(subject), { launchedOn: today() })).statusCode).toBe(404);
    const check = await stranger.post(`/api/v1/filings/${encodeURIComponent(subject)}/commercial-licence/check`, { province: '330000', contractIps: ['47.96.1.10'], resolvingIps: ['47.96.1.10'], reportedIps: ['47.96.1.10'], hosting: 'ecs' });
    expect(check.statusCode).toBe(404);
    for (const url of [`/api/v1/documents/subject_leader_authorization?order=${orderId}`, `/api/v1/documents/server_region_proof?filing=${encodeURIComponent(subject)}&service=1`]) {
      const document = await stranger.get(url);
      expect(document.statusCode, url).toBe(404);
      expect(document.headers['content-type']).toContain('application/json');
      expect(document.json().error.details.fields[0].message.zh).toMatch(/不属于当前账号/);
    }
    expect(await platform.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'document_generated').execute()).toEqual([]);
    // The reviewer (staff) may read the guide and the documents, not record for the owner.
    expect((await reviewer.get(guideUrl(subject))).statusCode).toBe(200);
    expect((await reviewer.put(guideUrl(subject), { launchedOn: today() })).statusCode).toBe(403);
    expect((await reviewer.get(`/api/v1/documents/subject_leader_authorization?order=${orderId}`)).statusCode).toBe(200);
    // An unknown kind, or neither an order nor a filing: field errors.
    const unknown = await owner.get(`/api/v1/documents/business_licence?order=${orderId}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].path).toMatch(/^params/);
    const neither = await owner.get('/api/v1/documents/employment_proof');
    expect(neither.json().error.details.fields[0].path).toBe('query.order');
  });

  it('checks a commercial licence application against the province’s IP rule, with the provider’s servers placed by region', async () => {
    await ownServer(['47.96.1.10'], 'cn-hangzhou');
    await ownServer(['39.96.2.20'], 'cn-beijing');
    const subject = await filed();
    const url = `/api/v1/filings/${encodeURIComponent(subject)}/commercial-licence/check`;
    const ask = async (body: Record<string, unknown>) => {
      const response = await owner.post(url, { province: '110000', contractIps: ['39.96.2.20'], resolvingIps: ['39.96.2.20'], reportedIps: ['39.96.2.20'], hosting: 'ecs', ...body });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { ok: boolean; findings: { code: string; severity: string; path: string; fix?: string; message: { zh: string; en: string } }[]; documents: { kind: string; href: string | null }[]; changeServiceOrder: { href: string; body: { kind: string; services: string[] } } | null };
    };
    const beijing = await ask({});
    expect(beijing.ok).toBe(true);
    expect(beijing.findings.map((f) => f.code)).toEqual(['REPORTED_IPS_NOT_ON_RECORD', 'LICENCE_PROVINCE_DIFFERS']);
    expect(beijing.changeServiceOrder).toMatchObject({ href: `/api/v1/filings/${encodeURIComponent(subject)}/orders`, body: { kind: 'change_service', services: [`${subject}-1`] } });

    const hangzhou = await ask({ contractIps: ['47.96.1.10'], resolvingIps: ['47.96.1.10'], reportedIps: ['47.96.1.10'] });
    expect(hangzhou.ok).toBe(false);
    expect(hangzhou.findings.find((f) => f.code === 'SERVER_OUTSIDE_PROVINCE')).toMatchObject({ severity: 'error', path: 'contractIps[0]' });
    const strangerIp = await ask({ contractIps: ['8.8.8.8'], resolvingIps: ['8.8.8.8'], reportedIps: ['8.8.8.8'] });
    expect(strangerIp.findings.find((f) => f.code === 'SERVER_REGION_UNKNOWN')).toMatchObject({ severity: 'warning' });
    const elastic = await ask({ province: '330000', hosting: 'elastic_web_hosting', reportedIps: ['47.96.1.10'] });
    expect(elastic).toMatchObject({ ok: false, changeServiceOrder: null });
    expect(elastic.findings.map((f) => f.code)).toEqual(['HOSTING_NOT_SUPPORTED', 'NO_PROVINCE_IP_RULE']);
    const liaoning = await ask({ province: '210000', reportedIps: ['47.96.1.10'] });
    expect(liaoning.findings.find((f) => f.code === 'IPS_NOT_IDENTICAL')).toMatchObject({ path: 'reportedIps', fix: 'change_service' });
    expect(liaoning.documents.filter((d) => d.href).map((d) => d.kind)).toEqual(['server_region_proof', 'site_verification_notice']);

    const bad = await owner.post(url, { province: '999999', contractIps: ['10.0.0.1'], resolvingIps: [], reportedIps: ['x'], hosting: 'ftp' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['body.province', 'body.contractIps.0', 'body.resolvingIps', 'body.reportedIps.0', 'body.hosting']));

    // The fix the answer names for a wrong reported IP is an order the owner can open as it is described.
    const order = await owner.post(liaoning.changeServiceOrder!.href, liaoning.changeServiceOrder!.body);
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json()).toMatchObject({ kind: 'change_service' });
  });

  it('needs a valid ICP number here before the licence: a cancelled filing is told so', async () => {
    const subject = await filed();
    await platform.ctx.db.updateTable('filed_subjects').set({ status: 'cancelled' }).where('number', '=', subject).execute();
    const response = await owner.post(`/api/v1/filings/${encodeURIComponent(subject)}/commercial-licence/check`, { province: '330000', contractIps: ['47.96.1.10'], resolvingIps: ['47.96.1.10'], reportedIps: ['47.96.1.10'], hosting: 'ecs' });
    expect(response.json()).toMatchObject({ ok: false, findings: [{ code: 'ICP_FILING_REQUIRED', severity: 'error' }] });
  });

  it('fills the provider documents from the order and the record: Chinese text, numbers and domains on a page that is not blank', async () => {
    await ownServer();
    const draft = buildDraft();
    const subject = await filed(draft);
    const orderId = (await owner.get('/api/v1/orders')).json().items[0].id as string;
    const get = async (url: string) => {
      const response = await owner.get(url);
      expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[a-z_]+-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''%E/);
      return readPdf(response.rawPayload);
    };

    const letter = await get(`/api/v1/documents/subject_leader_authorization?order=${orderId}&appliesTo=subject.leader`);
    const text = squashed(letter.text);
    expect(text).toContain('主体负责人授权书');
    expect(text).toContain('致：浙江省通信管理局');
    expect(text).toContain(draft.subject.name);
    expect(text).toContain(draft.subject.leader.name);
    expect(text).toContain(draft.subject.leader.idNumber);
    expect(text).toContain(draft.subject.certificate.number);
    expect(letter.pages).toBe(1);
    expect(letter.fonts).toMatch(/WenQuanYiMicroHei|NotoSansCJK/);
    expect(letter.fonts).toMatch(/yes\s+yes\s+yes/);
    expect(letter.inkShare).toBeGreaterThan(0.01);
    expect(letter.inkShare).toBeLessThan(0.5);

    const region = squashed((await get(`/api/v1/documents/server_region_proof?filing=${encodeURIComponent(subject)}&service=1`)).text);
    expect(region).toContain('服务器区域证明');
    expect(region).toContain('开源备案演示云计算有限公司');
    expect(region).toContain('浙江省杭州市余杭区演示数据中心');
    expect(region).toContain('47.96.1.10');
    expect(region).toContain(`${subject}-1`);
    expect(region).toContain('yunqi-demo.cn');

    await owner.put(guideUrl(subject), { launchedOn: today() });
    const notice = squashed((await get(`/api/v1/documents/site_verification_notice?filing=${encodeURIComponent(subject)}&service=${encodeURIComponent(`${subject}-1`)}`)).text);
    expect(notice).toContain('网站核验通知书');
    expect(notice).toContain(today());
    expect(notice).toContain('租赁虚拟空间');

    const holder = squashed((await get(`/api/v1/documents/domain_holder_proof?order=${orderId}&appliesTo=services[0].domains[0]`)).text);
    expect(holder).toContain('yunqi-demo.cn');
    expect(holder).toContain('云栖示例科技官网');
    const employment = squashed((await get(`/api/v1/documents/employment_proof?order=${orderId}&appliesTo=subject.leader`)).text);
    expect(employment).toContain(`兹证明${draft.subject.leader.name}`);
    const statement = squashed((await get(`/api/v1/documents/business_nature_statement?filing=${encodeURIComponent(subject)}&service=1`)).text);
    expect(statement).toContain('说明书');
    expect(statement).toContain('云栖示例科技官网（yunqi-demo.cn）');

    const wrongTarget = await owner.get(`/api/v1/documents/service_leader_authorization?order=${orderId}&appliesTo=services[5]`);
    expect(wrongTarget.statusCode).toBe(400);
    expect(wrongTarget.json().error).toMatchObject({ code: 'FIELD_INVALID', details: { fields: [{ path: 'query.appliesTo' }] } });
  });

  it('uses Gansu’s subject-leader letter and Shanghai’s site-leader letter, which lists every domain of the one leader', async () => {
    const gansu = buildDraft();
    gansu.province = '620000';
    const gansuId = (await owner.post('/api/v1/orders', { draft: gansu })).json().id as string;
    const gansuText = squashed((await readPdf((await owner.get(`/api/v1/documents/subject_leader_authorization?order=${gansuId}`)).rawPayload)).text);
    expect(gansuText).toContain('主体负责人授权书（甘肃省）');
    expect(gansuText).toContain('致：甘肃省通信管理局');
    expect(gansuText).toContain('授权期限');

    const other = await applicantClient(platform, 'shanghai@example.com');
    const shanghai = buildDraft({ creditBody: '91310115MA1K4A2B', name: '上海云栖示例科技有限公司' });
    shanghai.province = '310000';
    const leader = { name: '李娜', idType: 'resident_id', idNumber: '310115199001010021', mobile: '13700000003' };
    const site = shanghai.services[0]!;
    shanghai.services = [
      { ...site, leader: leader as never },
      { ...site, name: '云栖示例商城', domains: [{ ...site.domains[0]!, name: 'yunqi-shop.cn' }], leader: leader as never },
      { ...site, name: '云栖示例博客', domains: [{ ...site.domains[0]!, name: 'yunqi-blog.cn' }] },
    ];
    const shanghaiId = (await other.post('/api/v1/orders', { draft: shanghai })).json().id as string;
    const letter = squashed((await readPdf((await other.get(`/api/v1/documents/service_leader_authorization?order=${shanghaiId}&appliesTo=services[1]`)).rawPayload)).text);
    expect(letter).toContain('网站负责人授权书（上海市）');
    expect(letter).toContain('致：上海市通信管理局');
    expect(letter).toContain('兹授权李娜');
    expect(letter).toContain('yunqi-demo.cn');
    expect(letter).toContain('yunqi-shop.cn');
    expect(letter).not.toContain('yunqi-blog.cn');
    // Elsewhere the letter is for the one site asked for.
    const zhejiang = buildDraft({ creditBody: '91330106MA2B3C4E', name: '杭州另一示例科技有限公司', leaderIdBody: '33010619850312005', mobile: '13800000009', domain: 'another-demo.cn' });
    zhejiang.services = [{ ...zhejiang.services[0]!, leader: leader as never }, { ...zhejiang.services[0]!, name: '另一商城', domains: [{ ...zhejiang.services[0]!.domains[0]!, name: 'another-shop.cn' }], leader: leader as never }];
    const third = await applicantClient(platform, 'zhejiang@example.com');
    const zhejiangId = (await third.post('/api/v1/orders', { draft: zhejiang })).json().id as string;
    const national = squashed((await readPdf((await third.get(`/api/v1/documents/service_leader_authorization?order=${zhejiangId}&appliesTo=services[1]`)).rawPayload)).text);
    expect(national).toContain('网站负责人授权书');
    expect(national).not.toContain('上海市');
    expect(national).toContain('another-shop.cn');
    expect(national).not.toContain('another-demo.cn');
  });
});

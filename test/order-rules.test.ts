import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { pngBomb } from '../src/materials/inspect/test-images.ts';
import { testDatabases } from './support/databases.ts';
import { buildDraft, withCreditCheck } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

describe.each(testDatabases())('order rules on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory, { LOG_LEVEL: process.env.TEST_LOG ?? 'silent' });
  });
  afterEach(async () => {
    await platform.stop();
  });

  /** Submitted, approved by the provider, and texted by the regulator. */
  async function atSmsStep() {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    await platform.advance(24);
    expect(await statusOf(applicant, id)).toBe('sms_verification');
    return { applicant, reviewer, id, mobile: buildDraft().subject.leader.mobile };
  }

  it('refuses actions the status does not allow', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(409); // still a draft
    await submitted(applicant, id);
    const edit = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '99' } });
    expect(edit.statusCode).toBe(409); // under review: not editable
    expect((await applicant.post(`/api/v1/orders/${id}/abandon`)).json().error.code).toBe('INVALID_TRANSITION');
    expect((await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'another-key-1' } })).statusCode).toBe(409);
  });

  it('guards concurrent draft edits with If-Match', async () => {
    const applicant = await applicantClient(platform);
    const id = (await applicant.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    expect((await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() })).statusCode).toBe(428);
    const first = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '1' } });
    expect(first.json().version).toBe(2);
    const stale = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '1' } });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.details.currentVersion).toBe(2);
  });

  it('lets exactly one of two reviewers decide', async () => {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    const first = await staffClient(platform);
    const second = await staffClient(platform, 'admin@example.com');
    const results = await Promise.all([
      first.post(`/api/v1/review/${id}/approve`),
      second.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'SITE_NAME_UNACCEPTABLE', path: 'services[0].name' }] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const claims = await Promise.all([first.post(`/api/v1/review/${id}/claim`), second.post(`/api/v1/review/${id}/claim`)]);
    expect(claims.every((c) => c.statusCode === 409)).toBe(true); // decided: nothing left to claim
  });

  it('rejects with reasons pointing at fields, and takes the fixed order back', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    const unknownCode = await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'NOT_A_REASON' }] });
    expect(unknownCode.statusCode).toBe(400);
    expect(unknownCode.json().error.details.fields[0].path).toBe('body.reasons[0].code');
    const rejected = await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'SITE_NAME_UNACCEPTABLE', path: 'services[0].name', note: '名称需体现网站内容' }] });
    expect(rejected.json().status).toBe('provider_rejected');
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.rejectReasons[0]).toMatchObject({ code: 'SITE_NAME_UNACCEPTABLE', path: 'services[0].name' });
    expect(order.rejectReasons[0].message.zh.length).toBeGreaterThan(4);

    const draft = buildDraft();
    draft.services[0]!.name = '云栖示例科技企业官网';
    expect((await applicant.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(order.version) } })).statusCode).toBe(200);
    await submitted(applicant, id, 'resubmit-key-1');
    expect(await statusOf(applicant, id)).toBe('provider_review');
    const notices = (await applicant.get('/api/v1/dev/outbox?to=owner@example.com')).json().items as { template: string; body: string }[];
    expect(notices.find((m) => m.template === 'order.provider_rejected')?.body).toContain('SITE_NAME_UNACCEPTABLE');
  });

  it('rejects as unreachable after two missed calls', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    expect((await reviewer.post(`/api/v1/review/${id}/calls`, { person: 'subject.leader', outcome: 'missed' })).json().status).toBe('provider_review');
    const second = await reviewer.post(`/api/v1/review/${id}/calls`, { person: 'subject.leader', outcome: 'missed' });
    expect(second.json().status).toBe('provider_rejected');
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().rejectReasons[0].code).toBe('PHONE_UNREACHABLE');
  });

  it('asks for supplementary material and gets the order back', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    const asked = await reviewer.post(`/api/v1/review/${id}/request-supplement`, { items: [{ kind: 'subject_certificate', note: '请上传清晰的营业执照原件照片' }] });
    expect(asked.json().status).toBe('supplement_requested');
    const upload = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'new.jpg', type: 'image/jpeg', bytes: await colourJpeg(720, 520, 9) });
    expect(upload.statusCode).toBe(201);
    await submitted(applicant, id, 'after-supplement');
    expect(await statusOf(applicant, id)).toBe('provider_review');
  });

  it('rejects on SMS timeout after 24 hours', async () => {
    const { applicant, id } = await atSmsStep();
    const challenge = await platform.ctx.db.selectFrom('sim_sms_challenges').select('expires_at').where('order_id', '=', id).executeTakeFirstOrThrow();
    const hoursLeft = (challenge.expires_at.getTime() - platform.clock.now().getTime()) / 3600_000;
    expect(hoursLeft).toBeGreaterThan(1);
    expect(hoursLeft).toBeLessThanOrEqual(24);
    await platform.advance(hoursLeft - 1);
    expect(await statusOf(applicant, id)).toBe('sms_verification');
    await platform.advance(2);
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.status).toBe('regulator_rejected');
    expect(order.rejectReasons[0].code).toBe('SMS_VERIFICATION_TIMEOUT');
  });

  it('resends a code within the window, and rejects after five wrong codes', async () => {
    const { applicant, id, mobile } = await atSmsStep();
    const first = await smsCodeFor(applicant, mobile);
    expect((await applicant.post('/api/v1/sim/regulator/sms-resend', { mobile })).statusCode).toBe(200);
    const resent = await smsCodeFor(applicant, mobile);
    const wrong = first === '000000' ? '111111' : '000000';
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: wrong });
      expect(response.json()).toMatchObject({ outcome: 'wrong_code', attemptsLeft: 5 - attempt });
    }
    if (resent !== first) expect((await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: first })).json().outcome).toBe('locked');
    else expect((await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: wrong })).json().outcome).toBe('locked');
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.status).toBe('regulator_rejected');
    expect(order.rejectReasons[0].code).toBe('SMS_VERIFICATION_TIMEOUT');
  });

  it('is rejected by the regulator when the domain was filed under another certificate meanwhile, and can be resubmitted', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    // Someone else's filing of the same domain reached the national registry after the provider's review.
    await platform.ctx.db
      .insertInto('sim_national_records')
      .values({ domain: 'yunqi-demo.cn', subject_key: 'someone-else', leader_key: null, subject_number: '浙ICP备2020000001号', status: 'active', created_at: platform.clock.now() })
      .execute();
    await platform.advance(24);
    const rejected = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(rejected.status).toBe('regulator_rejected');
    expect(rejected.rejectReasons[0].code).toBe('RECORD_EXISTS_AT_REGULATOR');

    const draft = buildDraft({ domain: 'yunqi-demo2.cn' });
    expect((await applicant.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(rejected.version) } })).statusCode).toBe(200);
    await submitted(applicant, id, 'resubmit-after-regulator');
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    expect(await statusOf(applicant, id)).toBe('sms_verification');
  });

  it.each([
    ['an order for the same certificate is in progress at another provider', 'pending', 'CERTIFICATE_HAS_ORDER_IN_PROGRESS'],
    ['the subject leader already leads another subject (no employment proof)', 'leader', 'SERVICE_LEADER_ID_DUPLICATE'],
  ])('the 管局 rejects when %s', async (_situation, kind, code) => {
    const { applicant, id, mobile } = await atSmsStep();
    const { ctx } = platform;
    const draft = buildDraft();
    const subjectKey = ctx.cipher.lookupHash(`business_license:${draft.subject.certificate.number}`);
    await ctx.db
      .insertInto('sim_national_records')
      .values(
        kind === 'pending'
          ? { domain: null, subject_key: subjectKey, leader_key: null, subject_number: null, status: 'pending', created_at: ctx.clock.now() }
          : { domain: 'other-company.cn', subject_key: 'another-subject', leader_key: ctx.cipher.lookupHash(draft.subject.leader.idNumber), subject_number: '沪ICP备2019000002号', status: 'active', created_at: ctx.clock.now() },
      )
      .execute();
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
    await platform.advance(24 * 30);
    await applicant.login('owner@example.com', 'correct horse');
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.status).toBe('regulator_rejected');
    expect(order.rejectReasons.map((r: { code: string }) => r.code)).toContain(code);
  });

  it('reminds on day 30 and 40 and deletes an untouched draft on day 45', async () => {
    const applicant = await applicantClient(platform);
    const id = (await applicant.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    await platform.advance(24 * 30 + 1);
    await platform.advance(24 * 10);
    await applicant.login('owner@example.com', 'correct horse');
    expect((await applicant.get(`/api/v1/orders/${id}`)).statusCode).toBe(200);
    const reminders = (await applicant.get('/api/v1/dev/outbox?to=owner@example.com')).json().items.filter((m: { template: string }) => m.template === 'order.inactivity_reminder');
    expect(reminders).toHaveLength(2);
    await platform.advance(24 * 5);
    await applicant.login('owner@example.com', 'correct horse');
    expect((await applicant.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
    // The subject is free again for a new order.
    expect((await applicant.post('/api/v1/orders', { draft: buildDraft() })).statusCode).toBe(201);
  });

  it('hides one applicant’s order from another (404) and keeps one subject per account', async () => {
    const owner = await applicantClient(platform);
    const id = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.get(`/api/v1/orders/${id}`)).statusCode).toBe(404);
    expect((await stranger.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '1' } })).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/orders')).json().total).toBe(0);
    const sameSubject = await stranger.post('/api/v1/orders', { draft: buildDraft() });
    expect(sameSubject.json().error.code).toBe('SUBJECT_BOUND_ELSEWHERE');
    const otherSubject = await owner.post('/api/v1/orders', { draft: buildDraft({ creditBody: '91330106MA2B3C4E' }) });
    expect(otherSubject.json().error.code).toBe('ACCOUNT_HAS_OTHER_SUBJECT');
    expect(withCreditCheck('91330106MA2B3C4E')).toHaveLength(18);
  });

  it('refuses bad uploads with the reason, keeping nothing', async () => {
    const applicant = await applicantClient(platform);
    const id = (await applicant.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const bmp = Buffer.alloc(300_000);
    bmp.write('BM', 0, 'latin1');
    bmp.writeUInt32LE(bmp.length, 2);
    bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(200, 18);
    bmp.writeInt32LE(200, 22);
    bmp.writeUInt16LE(1, 26);
    bmp.writeUInt16LE(24, 28);
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c33' } }).jpeg().toBuffer();
    const big = Buffer.concat([await colourJpeg(1600, 1200), Buffer.alloc(5 * 1024 * 1024 - 100_000)]).subarray(0, 5 * 1024 * 1024);
    const grey = await sharp(await colourJpeg(700, 500)).grayscale().jpeg({ quality: 95 }).toBuffer();
    const bomb = pngBomb(20_000, 20_000);
    const cases: [string, Buffer, string][] = [
      ['scan.bmp', bmp, 'MATERIAL_FORMAT'],
      ['small.jpg', small, 'MATERIAL_SIZE'],
      ['big.jpg', big, 'MATERIAL_SIZE'],
      ['grey.jpg', grey, 'MATERIAL_NOT_COLOUR'],
      ['bomb.png', bomb, 'MATERIAL_BOMB'],
    ];
    for (const [name, bytes, code] of cases) {
      const response = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name, type: 'image/jpeg', bytes });
      expect(response.statusCode, name).toBe(422);
      expect(response.json().error.details.findings.map((f: { code: string }) => f.code), name).toContain(code);
    }
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().materials).toEqual([]);
    const badKind = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind: 'selfie' }, { name: 'a.jpg', type: 'image/jpeg', bytes: small });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.details.fields[0].path).toBe('kind');
  });
});

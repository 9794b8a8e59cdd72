import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from './support/journey.ts';
import { startTestPlatform, TEST_START, type TestPlatform } from './support/platform.ts';

// Issue 12: what the applicant sees along the way — the promise made at submit, the SMS check's deadline and tries,
// the pre-check of an order judged as submit will judge it, links to where the platform really listens.
describe.each(testDatabases())('the applicant’s journey on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory, { LOG_LEVEL: process.env.TEST_LOG ?? 'silent', PORT: '4321' });
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('records the truthfulness promise with the submission; refuses a submit that declines it, at body.promise', async () => {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    const before = (await applicant.get(`/api/v1/orders/${id}`)).json().promise;
    expect(before).toMatchObject({ version: '2026-12', title: { zh: '真实性承诺书' }, lastMade: null });
    expect(before.text.zh).toContain('真实、准确、完整');

    const declined = await applicant.post(`/api/v1/orders/${id}/submit`, { promise: false }, { headers: { 'idempotency-key': 'declined-1' } });
    expect(declined.statusCode).toBe(400);
    expect(declined.json().error.details.fields).toEqual([{ path: 'body.promise', message: { zh: expect.stringContaining('真实性承诺书'), en: expect.stringContaining('promise') } }]);
    expect(await statusOf(applicant, id)).toBe('draft');

    const accepted = await applicant.post(`/api/v1/orders/${id}/submit`, { promise: true }, { headers: { 'idempotency-key': 'promised-1' } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.promise.lastMade).toEqual({ at: expect.any(String), version: '2026-12', isExplicit: true });
    expect(Date.parse(order.promise.lastMade.at)).toBeGreaterThanOrEqual(TEST_START.getTime());
    // The order still shows what was filed, read-only.
    expect(order.draft.subject.name).toBe(buildDraft().subject.name);
  });

  it('keeps DESIGN §5.7’s submit working for API clients that send no body: the promise is recorded as implied', async () => {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    const bare = await applicant.request('POST', `/api/v1/orders/${id}/submit`, undefined, { headers: { 'idempotency-key': 'bare-submit-1' } });
    expect(bare.statusCode, bare.body).toBe(200);
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().promise.lastMade).toMatchObject({ isExplicit: false });
    const typed = await applicant.post(`/api/v1/orders/${id}/submit`, { promise: 'yes' }, { headers: { 'idempotency-key': 'bare-submit-2' } });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details.fields[0].path).toBe('body.promise');
  });

  it('gives the SMS deadline as an instant, and the tries left after a wrong code', async () => {
    const applicant = await applicantClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    await platform.advance(24);
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.status).toBe('sms_verification');
    const mobile = buildDraft().subject.leader.mobile;
    expect(order.sms.mobiles).toEqual([{ mobile, isConfirmed: false, attemptsLeft: 5 }]);
    // 24 hours from the text (the virtual clock ticks on while the job runs, hence the minute of slack).
    expect(Math.abs(Date.parse(order.sms.deadline) - Date.parse(order.sms.sentAt) - 24 * 3600_000)).toBeLessThan(60_000);
    // The timeline lists the step once.
    expect(order.timeline.filter((e: { status: string }) => e.status === 'sms_verification')).toHaveLength(1);

    const code = await smsCodeFor(applicant, mobile);
    const wrong = await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: code === '000000' ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ outcome: 'wrong_code', attemptsLeft: 4, message: { zh: expect.stringContaining('还可尝试 4 次') } });
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().sms.mobiles[0].attemptsLeft).toBe(4);
  });

  it('pre-checks a draft as typed with its order’s context: a new-service order asks for a service, not a kind', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const first = await preparedOrder(applicant);
    await submitted(applicant, first);
    await reviewer.post(`/api/v1/review/${first}/approve`);
    await platform.advance(24);
    const mobile = buildDraft().subject.leader.mobile;
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
    await platform.advance(24 * 25);
    await applicant.login('owner@example.com', 'correct horse');
    const subject = (await applicant.get(`/api/v1/orders/${first}`)).json().numbers.subject as string;

    const opened = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'new_service_subject_here' });
    const id = opened.json().id as string;
    const draft = (await applicant.get(`/api/v1/orders/${id}`)).json().draft;
    const empty = (await applicant.post(`/api/v1/orders/${id}/precheck`, { draft })).json();
    const codes = empty.findings.map((f: { code: string }) => f.code);
    expect(codes).toContain('SERVICE_REQUIRED');
    expect(codes).not.toContain('KIND_UNDECIDED');
    // Typed, not saved: a new website is judged as the new service it is, with this order's face checks missing.
    const typed = { ...draft, services: [{ ...buildDraft().services[0]!, name: '云栖示例商城', domains: [{ ...buildDraft().services[0]!.domains[0]!, name: 'yunqi-shop.cn' }] }] };
    const judged = (await applicant.post(`/api/v1/orders/${id}/precheck`, { draft: typed })).json();
    expect(judged.kind).toBe('new_service_subject_here');
    expect(judged.findings.map((f: { code: string }) => f.code)).toContain('FACE_VERIFICATION_MISSING');
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().draft.services).toEqual([]);
    // Nobody else may pre-check against this order.
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.post(`/api/v1/orders/${id}/precheck`, { draft: typed })).statusCode).toBe(404);
  });

  it('links the phone hand-off to where the platform listens when no public URL is set', async () => {
    const applicant = await applicantClient(platform);
    const id = (await applicant.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const handoff = (await applicant.get(`/api/v1/orders/${id}/handoff`)).json();
    expect(handoff.url).toMatch(/^http:\/\/localhost:4321\/m\//);
  });

  it('points the 403 notice and block page of an unfiled site at where the platform listens', async () => {
    const visitor = platform.client();
    const notice = await visitor.get('/api/v1/enforcement/check?host=unfiled-example.cn', { headers: { accept: 'application/json' } });
    expect(notice.statusCode).toBe(403);
    expect(notice.json().how.zh).toContain('请登录 http://localhost:4321 提交首次备案');
    expect(notice.json().how.en).toContain('log in at http://localhost:4321 ');
    const page = await visitor.get('/api/v1/enforcement/block-page?host=unfiled-example.cn');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('http://localhost:4321');
    expect(page.body).not.toContain('localhost:3000');
  });
});


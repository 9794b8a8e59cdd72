import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, staffClient, statusOf, submitted, withBaseMaterials } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

// Issue 12: a typo must never lock an account. Drafts never bind an account to a subject; a submitted order with a
// valid certificate does (or a filed subject), and giving it up frees the account again.
describe.each(testDatabases())('account and subject binding on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory, { LOG_LEVEL: process.env.TEST_LOG ?? 'silent' });
  });
  afterEach(async () => {
    await platform.stop();
  });

  const OTHER_SUBJECT = { creditBody: '91330106MA2B3C4E', name: '杭州另一示例科技有限公司', domain: 'another-demo.cn' };

  it('saves a draft whose credit code has a wrong check digit, then the corrected one, then another subject', async () => {
    const applicant = await applicantClient(platform);
    const typo = buildDraft();
    const correct = typo.subject.certificate.number;
    typo.subject.certificate.number = correct.slice(0, 17) + (correct.endsWith('X') ? 'Y' : 'X');
    const created = await applicant.post('/api/v1/orders', { draft: typo });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const order = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(order.precheck.findings.map((f: { code: string }) => f.code)).toContain('CREDIT_CODE_INVALID');

    const fixed = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '1' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // Changing one's mind about the subject is only a draft too.
    const other = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft(OTHER_SUBJECT) }, { headers: { 'if-match': '2' } });
    expect(other.statusCode, other.body).toBe(200);
    const back = await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': '3' } });
    expect(back.statusCode, back.body).toBe(200);
    // And the draft, now right, submits.
    await withBaseMaterials(applicant, id);
    await submitted(applicant, id);
  });

  it('lets nobody squat a company by saving a draft with its credit code', async () => {
    const squatter = await applicantClient(platform, 'squatter@example.com');
    const squat = await squatter.post('/api/v1/orders', { draft: buildDraft() });
    expect(squat.statusCode, squat.body).toBe(201);

    const owner = await applicantClient(platform);
    const id = await preparedOrder(owner);
    await submitted(owner, id);

    // The squatter's draft now cannot be submitted: the subject has an order in flight, named at the certificate.
    await withBaseMaterials(squatter, squat.json().id);
    const refused = await squatter.post(`/api/v1/orders/${squat.json().id}/submit`, {}, { headers: { 'idempotency-key': 'squat-submit-1' } });
    expect(refused.statusCode).toBe(422);
    const findings = refused.json().error.details.findings as { code: string; path: string }[];
    expect(findings).toContainEqual(expect.objectContaining({ code: 'ORDER_IN_PROGRESS', path: 'subject.certificate.number' }));
  });

  it('binds at submit: the account that submitted one subject is refused another at the certificate field, until it gives the first up', async () => {
    const owner = await applicantClient(platform);
    const first = await preparedOrder(owner);
    await submitted(owner, first);

    const second = await owner.post('/api/v1/orders', { draft: buildDraft(OTHER_SUBJECT) });
    expect(second.statusCode, second.body).toBe(201); // saving is never refused for the subject
    const secondId = second.json().id as string;
    await withBaseMaterials(owner, secondId);
    const refused = await owner.post(`/api/v1/orders/${secondId}/submit`, {}, { headers: { 'idempotency-key': 'second-subject-1' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ACCOUNT_HAS_OTHER_SUBJECT');
    expect(refused.json().error.details.fields[0].path).toBe('draft.subject.certificate.number');
    expect(refused.json().error.details.findings[0]).toMatchObject({ code: 'ACCOUNT_HAS_OTHER_SUBJECT', path: 'subject.certificate.number' });
    expect(refused.json().error.details.findings[0].message.zh).toContain('一个账号只能为一个主体备案');

    // The first order is rejected and given up: the account is free for the other subject.
    const reviewer = await staffClient(platform);
    expect((await reviewer.post(`/api/v1/review/${first}/reject`, { reasons: [{ code: 'CERTIFICATE_UNACCEPTABLE', path: 'subject.certificate.number' }] })).statusCode).toBe(200);
    expect((await owner.post(`/api/v1/orders/${first}/abandon`)).json().status).toBe('abandoned');
    await submitted(owner, secondId, 'second-subject-2');
    expect(await statusOf(owner, secondId)).toBe('provider_review');
  });

  it('moves the binding when a rejected order is resubmitted with a corrected certificate', async () => {
    const owner = await applicantClient(platform);
    const id = await preparedOrder(owner, buildDraft(OTHER_SUBJECT));
    await submitted(owner, id);
    const reviewer = await staffClient(platform);
    await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'CERTIFICATE_UNACCEPTABLE', path: 'subject.certificate.number', note: '证件号码与执照不符' }] });
    const version = (await owner.get(`/api/v1/orders/${id}`)).json().version as number;
    const corrected = await owner.put(`/api/v1/orders/${id}`, { draft: buildDraft({ domain: OTHER_SUBJECT.domain }) }, { headers: { 'if-match': String(version) } });
    expect(corrected.statusCode, corrected.body).toBe(200);
    await submitted(owner, id, 'resubmit-corrected');
    expect(await statusOf(owner, id)).toBe('provider_review');
    // The mistyped subject is no longer held by this account: another account may file it.
    const rightful = await applicantClient(platform, 'rightful@example.com');
    const theirs = await preparedOrder(rightful, buildDraft(OTHER_SUBJECT));
    await submitted(rightful, theirs);
  });

  it('refuses a save holding a whole page pasted into one field, at that field, and keeps the order as it was', async () => {
    const owner = await applicantClient(platform);
    const id = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const draft = buildDraft();
    draft.subject.mailingAddress = '浙'.repeat(2100);
    const refused = await owner.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': '1' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toEqual([
      { path: 'draft.subject.mailingAddress', message: { zh: expect.stringContaining('最多 2000 个字符'), en: expect.stringContaining('at most 2000') } },
    ]);
    expect((await owner.get(`/api/v1/orders/${id}`)).json().version).toBe(1);
  });
});

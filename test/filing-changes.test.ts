import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient, preparedOrder, smsCodeFor, staffClient, statusOf, submitted } from './support/journey.ts';
import { startTestPlatform, type TestPlatform, type TestClient } from './support/platform.ts';

describe.each(testDatabases())('orders on an existing filing on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  /** Files the standard draft all the way to numbers; returns the subject number. */
  async function filed(applicant: TestClient, reviewer: TestClient): Promise<string> {
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    const mobile = buildDraft().subject.leader.mobile;
    await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile, code: await smsCodeFor(applicant, mobile) });
    await platform.advance(24 * 25);
    await applicant.login('owner@example.com', 'correct horse');
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
    expect(await statusOf(applicant, id)).toBe('approved');
    return (await applicant.get(`/api/v1/orders/${id}`)).json().numbers.subject as string;
  }

  it('cancels this provider’s access to a website: no SMS, and the edge blocks it once approved', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    await platform.drain();
    expect((await platform.client().get('/api/v1/enforcement/check?host=www.yunqi-demo.cn')).statusCode).toBe(204);

    const opened = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_access', services: [`${subject}-1`] });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ kind: 'cancel_access', status: 'draft' });
    const id = opened.json().id as string;
    const photo = await colourJpeg();
    await applicant.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'f.jpg', type: 'image/jpeg', bytes: photo });
    const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'cancel-access-1' } });
    expect(submit.statusCode, submit.body).toBe(200);
    await reviewer.post(`/api/v1/review/${id}/approve`);
    await platform.advance(24);
    expect(await statusOf(applicant, id)).not.toBe('sms_verification');
    await platform.advance(24 * 4); // sent within a workday, decided a workday later (a weekend in between)
    await applicant.login('owner@example.com', 'correct horse');
    const failed = await platform.ctx.db.selectFrom('jobs').select(['name', 'last_error', 'status']).where('last_error', 'is not', null).where('last_error', '!=', 'cancelled').execute();
    expect(failed).toEqual([]);
    expect(await statusOf(applicant, id)).toBe('approved');
    const filing = (await applicant.get(`/api/v1/filings/${encodeURIComponent(subject)}`)).json();
    expect(filing.services[0].accessState).toBe('revoked');
    await platform.drain();
    expect((await platform.client().get('/api/v1/enforcement/check?host=www.yunqi-demo.cn')).statusCode).toBe(403);
  });

  it('refuses a change on somebody else’s filing and a service number that is not the subject’s', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const subject = await filed(applicant, reviewer);
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_access' })).statusCode).toBe(404);
    const wrong = await applicant.post(`/api/v1/filings/${encodeURIComponent(subject)}/orders`, { kind: 'cancel_service', services: ['京ICP备2020000001号-1'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details.fields[0].path).toBe('body.services');
  });
});

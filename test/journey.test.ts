import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient, smsCodeFor, staffClient, statusOf } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

describe.each(testDatabases())('the filing journey on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('files, reviews, verifies by SMS, gets numbers, and shows the footer', async () => {
    const applicant = await applicantClient(platform);
    const draft = buildDraft();

    const created = await applicant.post('/api/v1/orders', { draft });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'first_filing', status: 'draft', version: 1 });
    const id = created.json().id as string;

    // Submitting too early lists what is missing instead of accepting the order.
    const early = await applicant.post(`/api/v1/orders/${id}/submit`);
    expect(early.statusCode).toBe(422);
    const earlyCodes = (early.json().error.details.findings as { code: string }[]).map((f) => f.code);
    expect(earlyCodes).toEqual(expect.arrayContaining(['MATERIAL_MISSING', 'FACE_VERIFICATION_MISSING']));

    // A second draft of the same subject is only a draft (drafts hold nothing); one submitted order per subject is
    // enforced at submit (test/subject-binding.test.ts).
    await applicant.post('/api/v1/orders', { draft }).then((again) => expect(again.statusCode).toBe(201));
    const photo = await colourJpeg();
    for (const [kind, appliesTo] of [['subject_certificate', 'subject'], ['subject_leader_id', 'subject.leader']] as const) {
      const upload = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind, appliesTo }, { name: 'scan.jpg', type: 'image/jpeg', bytes: photo });
      expect(upload.statusCode, upload.body).toBe(201);
      expect(upload.json().file).toMatchObject({ format: 'jpg', colour: 'colour' });
    }
    const face = await applicant.upload(`/api/v1/orders/${id}/face-verifications`, { person: 'subject.leader' }, { name: 'me.jpg', type: 'image/jpeg', bytes: photo });
    expect(face.statusCode).toBe(201);
    expect(face.json().outcome).toBe('passed');

    const view = await applicant.get(`/api/v1/orders/${id}`);
    expect(view.json().precheck.ok).toBe(true);
    expect(view.json().materials).toHaveLength(2);

    const submit = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'first-submit-1' } });
    expect(submit.statusCode, submit.body).toBe(200);
    expect(submit.json().status).toBe('provider_review');
    const repeat = await applicant.post(`/api/v1/orders/${id}/submit`, {}, { headers: { 'idempotency-key': 'first-submit-1' } });
    expect(repeat.json()).toEqual(submit.json());

    const reviewer = await staffClient(platform);
    const queue = await reviewer.get('/api/v1/review/queue');
    expect(queue.json().items.map((o: { id: string }) => o.id)).toContain(id);
    expect(queue.json().items[0].slaDueAt).toBeTruthy();
    expect((await reviewer.post(`/api/v1/review/${id}/claim`)).statusCode).toBe(200);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).json().status).toBe('awaiting_regulator');

    // The provider forwards it within a workday; the regulator texts the subject leader.
    await platform.advance(24);
    expect(await statusOf(applicant, id)).toBe('sms_verification');
    const code = await smsCodeFor(applicant, draft.subject.leader.mobile);
    const verified = await applicant.post('/api/v1/sim/regulator/sms-verify', { mobile: draft.subject.leader.mobile, code });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(await statusOf(applicant, id)).toBe('regulator_review');

    await platform.advance(24 * 30);
    await applicant.login('owner@example.com', 'correct horse'); // a month later the session has expired
    const approvedResponse = await applicant.get(`/api/v1/orders/${id}`);
    expect(approvedResponse.statusCode, approvedResponse.body).toBe(200);
    const approved = approvedResponse.json();
    expect(approved.status).toBe('approved');
    expect(approved.numbers.subject).toMatch(/^浙ICP备2026\d{6}号$/);
    expect(approved.numbers.services[0].number).toBe(`${approved.numbers.subject}-1`);
    expect(approved.timeline.map((t: { status: string }) => t.status)).toEqual([
      'draft',
      'provider_review',
      'awaiting_regulator',
      'sms_verification',
      'regulator_review',
      'approved',
    ]);

    const filing = await applicant.get(`/api/v1/filings/${encodeURIComponent(approved.numbers.subject)}`);
    expect(filing.json().services[0]).toMatchObject({ domain: 'yunqi-demo.cn', accessState: 'connected' });
    const footer = await applicant.get(`/api/v1/filings/${encodeURIComponent(approved.numbers.subject)}/footer?service=1`);
    expect(footer.json().html).toContain('https://beian.miit.gov.cn/');
    expect(footer.json().html).toContain(`${approved.numbers.subject}-1`);

    // The public finds it from a sub-domain, and the edge lets it through (after the outbox has been dispatched).
    await platform.drain();
    const publicQuery = await platform.client().get('/api/v1/public/filings?domain=www.yunqi-demo.cn');
    expect(publicQuery.json().items[0]).toMatchObject({ domain: 'yunqi-demo.cn', unitName: draft.subject.name, serviceLicence: `${approved.numbers.subject}-1` });
    expect((await platform.client().get('/api/v1/enforcement/check?host=www.yunqi-demo.cn')).statusCode).toBe(204);
    expect((await platform.client().get('/api/v1/enforcement/check?host=unfiled-example.cn')).statusCode).toBe(403);

    const mails = (await applicant.get('/api/v1/dev/outbox?to=owner@example.com')).json().items as { template: string; body: string }[];
    expect(mails.map((m) => m.template)).toEqual(expect.arrayContaining(['order.provider_review', 'order.sms_verification', 'order.approved']));
    expect(mails.find((m) => m.template === 'order.approved')!.body).toContain(approved.numbers.subject);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient, preparedOrder, staffClient, submitted } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';
import type { TestClient } from './support/platform.ts';

type Changes = {
  decision: { outcome: string; version: number; reasons: { code?: string; kind?: string; path?: string }[] };
  isMasked: boolean;
  fields: { path: string; change: string; before: string | null; after: string | null; reasons: number[] }[];
  materials: { kind: string; change: string; reasons: number[] }[];
  answers: { reason: number; paths: string[]; materials: string[]; isAnswered: boolean }[];
} | null;

async function changesOf(client: TestClient, id: string): Promise<Changes> {
  const response = await client.get(`/api/v1/orders/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().changesSinceDecision as Changes;
}

describe.each(testDatabases())('what changed on resubmission, on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('shows the reviewer the fields changed since their rejection, marked by reason, and the applicant which reasons remain open', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    expect(await changesOf(reviewer, id)).toBeNull(); // never sent back yet

    const rejected = await reviewer.post(`/api/v1/review/${id}/reject`, {
      reasons: [
        { code: 'SITE_NAME_UNACCEPTABLE', note: '网站名称不能只是“官网”' },
        { code: 'ADDRESS_NOT_IN_PROVINCE', path: 'subject.mailingAddress' },
        { code: 'PHONE_PROBLEM', path: 'subject.leader.mobile' },
      ],
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const view = (await applicant.get(`/api/v1/orders/${id}`)).json();
    const draft = structuredClone(view.draft);
    draft.services[0].name = '云栖示例科技资料站';
    draft.subject.mailingAddress = '浙江省杭州市西湖区文三路200号';
    draft.subject.leader.emergencyPhone = '13900000009'; // a change nobody asked for
    expect((await applicant.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(view.version) } })).statusCode).toBe(200);

    // Before resubmitting, the applicant already sees which reasons the edits answer and which one is still open.
    const mine = await changesOf(applicant, id);
    expect(mine!.decision).toMatchObject({ outcome: 'provider_rejected', version: view.version - 1 });
    expect(mine!.answers).toEqual([
      { reason: 0, paths: ['services[0].name'], materials: [], isAnswered: true },
      { reason: 1, paths: ['subject.mailingAddress'], materials: [], isAnswered: true },
      { reason: 2, paths: [], materials: [], isAnswered: false },
    ]);

    await submitted(applicant, id, 'resubmit-after-changes');
    const seen = await changesOf(reviewer, id);
    expect(seen!.isMasked).toBe(false);
    expect(seen!.fields).toEqual([
      { path: 'subject.mailingAddress', change: 'changed', before: '浙江省杭州市西湖区文三路100号', after: '浙江省杭州市西湖区文三路200号', reasons: [1] },
      { path: 'subject.leader.emergencyPhone', change: 'changed', before: '13900000002', after: '13900000009', personal: 'mobile', reasons: [] },
      { path: 'services[0].name', change: 'changed', before: '云栖示例科技官网', after: '云栖示例科技资料站', reasons: [0] },
    ]);

    // Roles that see personal data masked see the change masked too.
    const compliance = await staffClient(platform, 'compliance@example.com');
    const masked = await changesOf(compliance, id);
    expect(masked!.isMasked).toBe(true);
    expect(masked!.fields.find((f) => f.path === 'subject.leader.emergencyPhone')).toMatchObject({ before: '139****0002', after: '139****0009' });
    expect(masked!.fields.find((f) => f.path === 'services[0].name')!.after).toBe('云栖示例科技资料站');
  });

  it('compares with the draft the 管局 rejected, for the applicant while fixing it and for the reviewer once resubmitted', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    expect((await reviewer.post(`/api/v1/review/${id}/approve`)).statusCode).toBe(200);
    // The domain reached the national registry under another certificate after the provider's review.
    await platform.ctx.db
      .insertInto('sim_national_records')
      .values({ domain: 'yunqi-demo.cn', subject_key: 'someone-else', leader_key: null, subject_number: '浙ICP备2020000001号', status: 'active', created_at: platform.clock.now() })
      .execute();
    await platform.advance(24);
    await applicant.login('owner@example.com', 'correct horse');
    const rejected = (await applicant.get(`/api/v1/orders/${id}`)).json();
    expect(rejected.status).toBe('regulator_rejected');
    expect(rejected.changesSinceDecision).toMatchObject({
      decision: { outcome: 'regulator_rejected', version: rejected.version - 1, reasons: [{ code: 'RECORD_EXISTS_AT_REGULATOR' }] },
      fields: [],
      answers: [{ reason: 0, isAnswered: false }],
    });

    const draft = buildDraft({ domain: 'yunqi-demo2.cn' });
    expect((await applicant.put(`/api/v1/orders/${id}`, { draft }, { headers: { 'if-match': String(rejected.version) } })).statusCode).toBe(200);
    const fixing = await changesOf(applicant, id);
    expect(fixing!.fields).toEqual([
      expect.objectContaining({ path: 'services[0].domains[0].name', change: 'changed', before: 'yunqi-demo.cn', after: 'yunqi-demo2.cn', reasons: [0] }),
    ]);
    expect(fixing!.answers).toEqual([{ reason: 0, paths: ['services[0].domains[0].name'], materials: [], isAnswered: true }]);

    await submitted(applicant, id, 'resubmit-after-regulator');
    const seen = await changesOf(reviewer, id);
    expect(seen!.decision.outcome).toBe('regulator_rejected');
    expect(seen!.fields.map((f) => [f.path, f.before, f.after])).toEqual([['services[0].domains[0].name', 'yunqi-demo.cn', 'yunqi-demo2.cn']]);
  });

  it('answers a supplement request for a material with the new upload, and compares with the latest decision only', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/request-supplement`, {
      items: [
        { kind: 'subject_certificate', note: '请上传清晰的营业执照原件照片' },
        { path: 'services[0].domains[0]', note: '请核对域名到期日' },
      ],
    });
    await platform.advance(1);
    const upload = await applicant.upload(`/api/v1/orders/${id}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'new.jpg', type: 'image/jpeg', bytes: await colourJpeg() });
    expect(upload.statusCode, upload.body).toBe(201);

    const asked = await changesOf(applicant, id);
    expect(asked!.decision.outcome).toBe('supplement_requested');
    expect(asked!.fields).toEqual([]);
    expect(asked!.materials).toEqual([expect.objectContaining({ kind: 'subject_certificate', change: 'replaced', reasons: [0] })]);
    expect(asked!.answers.map((a) => a.isAnswered)).toEqual([true, false]);

    await submitted(applicant, id, 'resubmit-supplement');
    // Rejected again on the resubmitted version: the comparison starts from this newer decision.
    await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'DOMAIN_OWNER_WRONG', path: 'services[0].domains[0].holder' }] });
    const latest = await changesOf(applicant, id);
    expect(latest!.decision).toMatchObject({ outcome: 'provider_rejected', reasons: [{ code: 'DOMAIN_OWNER_WRONG', path: 'services[0].domains[0].holder' }] });
    expect(latest!.materials).toEqual([]);
    expect(latest!.answers).toEqual([{ reason: 0, paths: [], materials: [], isAnswered: false }]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { applicantClient, preparedOrder, staffClient, submitted } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

describe.each(testDatabases())('dashboard numbers on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('counts orders, review rounds, the SLA and rejection reasons', async () => {
    const applicant = await applicantClient(platform);
    const reviewer = await staffClient(platform);
    const id = await preparedOrder(applicant);
    await submitted(applicant, id);
    await reviewer.post(`/api/v1/review/${id}/reject`, { reasons: [{ code: 'SITE_NAME_UNACCEPTABLE', path: 'services[0].name' }] });
    const version = (await applicant.get(`/api/v1/orders/${id}`)).json().version;
    await applicant.put(`/api/v1/orders/${id}`, { draft: buildDraft() }, { headers: { 'if-match': String(version) } });
    await submitted(applicant, id, 'second-round');
    platform.clock.advance(3 * 24 * 3600_000); // the second round misses its one-workday SLA
    await reviewer.login('reviewer@example.com', 'openbeian-demo');
    await reviewer.post(`/api/v1/review/${id}/approve`);

    expect((await applicant.get('/api/v1/stats/overview')).statusCode).toBe(403);
    const admin = await staffClient(platform, 'admin@example.com');
    const stats = (await admin.get('/api/v1/stats/overview')).json();
    expect(stats.byStatus).toEqual([{ status: 'awaiting_regulator', count: 1 }]);
    expect(stats.byProvince[0]).toMatchObject({ province: '330000', name: '浙江省', count: 1 });
    expect(stats.providerReview).toEqual({ decided: 2, approvalRate: 0.5 });
    expect(stats.reviewSla).toMatchObject({ met: 1, missed: 1 });
    expect(stats.topRejectionReasons[0]).toMatchObject({ code: 'SITE_NAME_UNACCEPTABLE', count: 1 });
    expect(stats.topRejectionReasons[0].title.zh.length).toBeGreaterThan(2);
  });
});

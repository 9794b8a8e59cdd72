import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { testDatabases } from './support/databases.ts';
import { buildDraft } from './support/drafts.ts';
import { colourJpeg } from './support/images.ts';
import { applicantClient } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

describe.each(testDatabases())('mobile hand-off on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('lets a phone without a session upload and verify the face for one order, for 30 minutes', async () => {
    const applicant = await applicantClient(platform);
    const id = (await applicant.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const link = (await applicant.get(`/api/v1/orders/${id}/handoff`)).json();
    expect(link.url).toMatch(/\/m\/.+/);

    const phone = platform.client(); // no cookies: a different device
    const svg = await phone.get(link.qrSvgUrl);
    expect(svg.headers['content-type'], svg.body).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    const png = await phone.get(link.qrPngUrl);
    expect((await sharp(png.rawPayload).metadata()).format).toBe('png');

    const page = (await phone.get(`/api/v1/handoff/${link.token}`)).json();
    expect(page.persons).toEqual([{ path: 'subject.leader', name: '张伟', isVerified: false }]);
    expect(page.materials.map((m: { kind: string }) => m.kind)).toContain('subject_certificate');

    const photo = await colourJpeg();
    expect((await phone.upload(`/api/v1/handoff/${link.token}/materials`, { kind: 'subject_certificate', appliesTo: 'subject' }, { name: 'p.jpg', type: 'image/jpeg', bytes: photo })).statusCode).toBe(201);
    expect((await phone.upload(`/api/v1/handoff/${link.token}/face-verifications`, { person: 'subject.leader' }, { name: 'f.jpg', type: 'image/jpeg', bytes: photo })).json().outcome).toBe('passed');
    expect((await phone.get(`/api/v1/handoff/${link.token}`)).json().persons[0].isVerified).toBe(true);
    expect((await applicant.get(`/api/v1/orders/${id}`)).json().materials).toHaveLength(1);

    const tampered = `${link.token.slice(0, -2)}xx`;
    expect((await phone.get(`/api/v1/handoff/${tampered}`)).statusCode).toBe(404);
    platform.clock.advance(31 * 60_000);
    const expired = await phone.get(`/api/v1/handoff/${link.token}`);
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.details.fields[0].message.zh).toContain('过期');
  });

  it('gives no link for someone else’s order', async () => {
    const owner = await applicantClient(platform);
    const id = (await owner.post('/api/v1/orders', { draft: buildDraft() })).json().id as string;
    const stranger = await applicantClient(platform, 'stranger@example.com');
    expect((await stranger.get(`/api/v1/orders/${id}/handoff`)).statusCode).toBe(404);
  });
});

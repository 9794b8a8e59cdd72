import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { applicantClient, staffClient } from './support/journey.ts';
import { startTestPlatform, type TestPlatform } from './support/platform.ts';

/** Filed subjects written straight into the table: the list is what is tested, not how subjects are filed. */
async function seedFiledSubjects(platform: TestPlatform, count: number, userId: string | null): Promise<string[]> {
  const base = platform.clock.now().getTime();
  const rows = Array.from({ length: count }, (_, i) => ({
    number: `浙ICP备2026${String(100000 + i).padStart(6, '0')}号`,
    province: '330000',
    user_id: userId,
    subject_key: `key-${i}`,
    leader_key: `leader-${i}`,
    name: `分页测试公司${i}`,
    nature: 'enterprise',
    draft: platform.ctx.cipher.encrypt('{}'),
    status: 'active' as const,
    // Every third pair shares an instant, so the number has to break the tie.
    approved_at: new Date(base - Math.floor(i / 3) * 60_000),
    updated_at: new Date(base),
  }));
  await platform.ctx.db.insertInto('filed_subjects').values(rows).execute();
  return rows.map((row) => row.number);
}

describe.each(testDatabases())('keyset pages on $kind', (factory) => {
  let platform: TestPlatform;
  beforeEach(async () => {
    platform = await startTestPlatform(factory);
  });
  afterEach(async () => {
    await platform.stop();
  });

  it('walks every filed subject page by page, none twice and none missing (no cut at 200)', async () => {
    const numbers = await seedFiledSubjects(platform, 230, null);
    const staff = await staffClient(platform, 'compliance@example.com');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await staff.get(`/api/v1/filings?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: { number: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((item) => item.number));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(230);
    expect([...seen].sort()).toEqual([...numbers].sort());
  });

  it("shows an applicant only its own subjects, and names a bad cursor or limit", async () => {
    const owner = await applicantClient(platform);
    const me = (await owner.get('/api/v1/auth/me')).json() as { id: string };
    await seedFiledSubjects(platform, 3, me.id);
    const page = (await owner.get('/api/v1/filings?limit=2')).json() as { items: unknown[]; nextCursor: string | null };
    expect(page.items).toHaveLength(2);
    const rest = (await owner.get(`/api/v1/filings?limit=2&cursor=${page.nextCursor}`)).json() as { items: unknown[]; nextCursor: string | null };
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();

    const bad = await owner.get('/api/v1/filings?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('query.cursor');
    const tooMany = await owner.get('/api/v1/filings?limit=5000');
    expect(tooMany.statusCode).toBe(400);
    expect(JSON.stringify(tooMany.json().error.details)).toContain('limit');
  });

  it('pages the review queue oldest first past any page size, with the count of the whole queue', async () => {
    const owner = await applicantClient(platform);
    const me = (await owner.get('/api/v1/auth/me')).json() as { id: string };
    const base = platform.clock.now().getTime();
    // Five orders waiting, two submitted at the same instant: the id breaks the tie.
    const rows = Array.from({ length: 5 }, (_, i) => ({
      id: `00000000-0000-4000-8000-00000000000${i}`,
      number: `20261201-90000${i}`,
      user_id: me.id,
      status: 'provider_review',
      draft: platform.ctx.cipher.encrypt('{}'),
      submitted_at: new Date(base - (i < 2 ? 0 : i) * 60_000),
      created_at: new Date(base - 3600_000),
      updated_at: new Date(base),
      last_activity_at: new Date(base),
    }));
    await platform.ctx.db.insertInto('orders').values(rows).execute();
    const reviewer = await staffClient(platform, 'reviewer@example.com');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await reviewer.get(`/api/v1/review/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: { number: string }[]; total: number; nextCursor: string | null };
      expect(page.total).toBe(5);
      seen.push(...page.items.map((item) => item.number));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 10);
    // Oldest first: 4, 3, 2, then the two submitted last at the same instant.
    expect(seen).toEqual(['20261201-900004', '20261201-900003', '20261201-900002', '20261201-900000', '20261201-900001']);

    // The same orders through the orders list, as keyset pages: five orders created at one instant, each once.
    const walked: string[] = [];
    let next: string | null = null;
    let first = true;
    while (first || next) {
      const response = await owner.get(`/api/v1/orders?pageSize=2${next ? `&cursor=${next}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: { number: string }[]; total: number; nextCursor: string | null };
      expect(page.total).toBe(5);
      walked.push(...page.items.map((item) => item.number));
      next = page.nextCursor;
      first = false;
      if (walked.length > 10) break;
    }
    expect([...walked].sort()).toEqual(rows.map((row) => row.number).sort());
  });

  it('pages machine tokens and in-app notices newest first, none lost', async () => {
    const admin = await staffClient(platform, 'admin@example.com');
    for (let i = 0; i < 3; i += 1) {
      const issued = await admin.post('/api/v1/admin/api-tokens', { name: `edge-${i}`, scopes: ['enforcement:read'], expiresInDays: null });
      expect(issued.statusCode, issued.body).toBe(201);
    }
    const first = (await admin.get('/api/v1/admin/api-tokens?limit=2')).json() as { items: { name: string }[]; nextCursor: string | null };
    const second = (await admin.get(`/api/v1/admin/api-tokens?limit=2&cursor=${first.nextCursor}`)).json() as { items: { name: string }[]; nextCursor: string | null };
    expect([...first.items, ...second.items].map((token) => token.name).sort()).toEqual(['edge-0', 'edge-1', 'edge-2']);
    expect(second.nextCursor).toBeNull();

    const owner = await applicantClient(platform);
    const me = (await owner.get('/api/v1/auth/me')).json() as { id: string };
    const at = platform.clock.now();
    await platform.ctx.db
      .insertInto('in_app_notices')
      .values(Array.from({ length: 3 }, (_, i) => ({ user_id: me.id, topic: 'test', title_zh: `通知${i}`, title_en: `Notice ${i}`, body_zh: '', body_en: '', dedupe_key: `page-${i}`, created_at: at })))
      .execute();
    const notices = (await owner.get('/api/v1/notices?limit=2')).json() as { items: { title: { en: string } }[]; nextCursor: string | null };
    const rest = (await owner.get(`/api/v1/notices?limit=2&cursor=${notices.nextCursor}`)).json() as { items: { title: { en: string } }[]; nextCursor: string | null };
    expect([...notices.items, ...rest.items].map((notice) => notice.title.en).filter((title) => title.startsWith('Notice '))).toEqual(['Notice 2', 'Notice 1', 'Notice 0']);
    expect(rest.nextCursor).toBeNull();
  });
});

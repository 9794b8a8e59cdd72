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
});
